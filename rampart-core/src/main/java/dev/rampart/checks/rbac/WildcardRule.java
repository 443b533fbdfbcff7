package dev.rampart.checks.rbac;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.ObjectCheck;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.rbac.Binding;
import dev.rampart.rbac.BuiltIns;
import dev.rampart.rbac.Rbac;
import dev.rampart.rbac.Role;
import dev.rampart.rbac.Rule;
import dev.rampart.rbac.Subject;
import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Snapshot;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

@CheckInfo(
    id = "rbac-wildcard-rule",
    title = "Role rule uses a wildcard",
    severity = Severity.MEDIUM,
    category = Category.RBAC,
    frameworks = {"cis-k8s-1.9:5.1.3", "nsa-cisa:authentication-authorization", "mitre:t1078"},
    why =
        """
        A * in verbs, resources, API groups or non-resource URLs grants what exists today and \
        everything added later: new verbs, new subresources (* covers pods/exec and \
        serviceaccounts/token), and every custom resource an operator installs.""",
    remediation =
        """
        List the verbs, resources and API groups the subject needs, as kubectl auth can-i --list \
        or the audit log shows them.""",
    notes =
        """
        Built-in roles (cluster-admin, admin, edit, view, system:*) and aggregated ClusterRoles \
        (whose rules are their components') are not reported; the components are.""")
public final class WildcardRule extends ObjectCheck {

  public WildcardRule() {
    super(Role.ROLE, Role.CLUSTER_ROLE);
  }

  @Override
  protected void check(
      KubeObject object, Snapshot snapshot, CheckContext context, Consumer<Violation> fail) {
    List<PolicyRule> rules = rules(object);
    if (builtIn(object) || aggregated(object) || rules == null) {
      return;
    }
    Rbac rbac = Rbac.of(snapshot);
    for (int i = 0; i < rules.size(); i++) {
      PolicyRule p = rules.get(i);
      if (p == null) {
        continue;
      }
      Rule r = Rule.of(p, object.name());
      if (r.hasWildcard()) {
        fail.accept(
            Violation.of(
                    object,
                    "rules[" + i + "]",
                    object.ref().display()
                        + " grants "
                        + r.describe()
                        + "; "
                        + boundTo(object, rbac))
                .withValue(r.describe()));
      }
    }
  }

  private static String boundTo(KubeObject role, Rbac rbac) {
    List<String> holders = new ArrayList<>();
    for (Binding b : rbac.bindingsOf(role)) {
      for (Subject s : b.subjects()) {
        if (s != null) {
          holders.add(s.display() + " (" + b.display() + ")");
        }
      }
    }
    return holders.isEmpty()
        ? "not bound to anyone yet"
        : "held by " + String.join(", ", holders.stream().distinct().toList());
  }

  private static List<PolicyRule> rules(KubeObject o) {
    if (o.resource() instanceof ClusterRole cr) {
      return cr.getRules();
    }
    if (o.resource() instanceof io.fabric8.kubernetes.api.model.rbac.Role r) {
      return r.getRules();
    }
    return null;
  }

  private static boolean aggregated(KubeObject o) {
    return o.resource() instanceof ClusterRole cr && cr.getAggregationRule() != null;
  }

  private static boolean builtIn(KubeObject o) {
    return BuiltIns.isBuiltInRole(
        new Role(o.kind(), o.namespace(), Objects.toString(o.name(), ""), o, List.of(), List.of()));
  }
}
