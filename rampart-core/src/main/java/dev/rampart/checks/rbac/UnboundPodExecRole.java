package dev.rampart.checks.rbac;

import dev.rampart.checks.Category;
import dev.rampart.checks.Check;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Results;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.rbac.Binding;
import dev.rampart.rbac.BuiltIns;
import dev.rampart.rbac.Rbac;
import dev.rampart.rbac.Request;
import dev.rampart.rbac.Role;
import dev.rampart.rbac.Rule;
import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Snapshot;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

@CheckInfo(
    id = "rbac-unbound-pod-exec-role",
    title = "Unbound role allows exec into, attach to or port-forward to pods",
    severity = Severity.MEDIUM,
    category = Category.RBAC,
    frameworks = {"nsa-cisa:authentication-authorization", "mitre:t1609"},
    why =
        """
        A role is where a permission is written down, and binding it is a one-line change that \
        nobody reviews against the role again: a RoleBinding added in a later change, a chart \
        installed next to this one, or an aggregation label that folds the role into admin or \
        edit hands a shell in every pod in reach to whoever it names. In the manifests of one \
        application the binding often lives elsewhere, so the role is the only place the \
        permission shows.""",
    remediation =
        """
        Remove pods/exec, pods/attach, pods/portforward and pods/ephemeralcontainers from the \
        role unless it exists for break-glass access, and delete the role if nothing binds it.""",
    notes =
        """
        A role that a binding of the input grants to somebody, directly or as a component of an \
        aggregated ClusterRole that is bound, is left to rbac-pod-exec, which reports each \
        holder with the scope and the workloads that carry its token. Built-in roles (admin, \
        edit, cluster-admin, system:*, ...) and aggregated ClusterRoles (whose rules are their \
        components') are not reported, nor roles that grant everything, which rbac-wildcard-rule \
        reports. Polaris' clusterrolePodExecAttach and rolePodExecAttach report every role that \
        allows exec or attach, bound or not; Rampart reports the same roles while unbound, and \
        their holders once bound, so that one grant is not reported twice. A role that grants \
        everything (Polaris' all_wildcards fixtures) is reported by rbac-wildcard-rule instead.""")
public final class UnboundPodExecRole implements Check {

  @Override
  public Set<String> requires() {
    return RbacKinds.GRANTS;
  }

  private static final String AGGREGATE_TO = "rbac.authorization.k8s.io/aggregate-to-";

  @Override
  public void run(Snapshot snapshot, CheckContext context, Results results) {
    Rbac rbac = Rbac.of(snapshot);
    Set<String> held = held(rbac);
    for (String kind : List.of(Role.ROLE, Role.CLUSTER_ROLE)) {
      for (KubeObject o : snapshot.ofKind(kind)) {
        check(o, rbac, held, results);
      }
    }
  }

  private static void check(KubeObject o, Rbac rbac, Set<String> held, Results results) {
    List<PolicyRule> policy = policyRules(o);
    String name = Objects.toString(o.name(), "");
    boolean cluster = Role.CLUSTER_ROLE.equals(o.kind());
    Role role =
        new Role(o.kind(), cluster ? null : o.namespace(), name, o, rules(policy, name), List.of());
    if (policy == null) {
      results.pass(o);
    } else if (BuiltIns.isBuiltInRole(role)) {
      results.notApplicable(o, "built-in role");
    } else if (o.resource() instanceof ClusterRole cr && cr.getAggregationRule() != null) {
      results.notApplicable(o, "aggregated ClusterRole: its components are checked");
    } else if (held.contains(key(role.kind(), role.namespace(), name))) {
      results.notApplicable(o, "bound: rbac-pod-exec reports its holders");
    } else if (role.controlsEveryObject()) {
      results.notApplicable(o, "grants everything: rbac-wildcard-rule reports it");
    } else {
      List<Violation> found = new ArrayList<>();
      for (int i = 0; i < policy.size(); i++) {
        if (policy.get(i) == null) {
          continue;
        }
        Rule r = Rule.of(policy.get(i), name);
        if (allowsExec(r)) {
          found.add(
              Violation.of(o, "rules[" + i + "]", message(o, role, r)).withValue(r.describe()));
        }
      }
      if (found.isEmpty()) {
        results.pass(o);
      } else {
        found.forEach(results::fail);
      }
    }
  }

  private static boolean allowsExec(Rule r) {
    for (Request q : PodExecGrant.REQUESTS) {
      if (r.allows(q)) {
        return true;
      }
    }
    return false;
  }

  private static String message(KubeObject o, Role role, Rule r) {
    String where =
        role.isClusterRole()
            ? "pods of every namespace it is bound in"
            : "pods of namespace " + role.namespace();
    List<String> aggregatedInto = new ArrayList<>();
    if (role.isClusterRole()) {
      for (Map.Entry<String, String> label : o.labels().entrySet()) {
        if (label.getKey().startsWith(AGGREGATE_TO) && "true".equals(label.getValue())) {
          aggregatedInto.add("ClusterRole/" + label.getKey().substring(AGGREGATE_TO.length()));
        }
      }
    }
    String folded =
        aggregatedInto.isEmpty()
            ? ""
            : "; its labels fold it into "
                + String.join(" and ", aggregatedInto.stream().sorted().toList())
                + ", which every cluster has: whoever holds those gets it";
    return role.display()
        + " allows "
        + r.describe()
        + ", and no binding in the input grants it yet: whoever it is bound to can exec into,"
        + " attach to or port-forward to "
        + where
        + folded;
  }

  /**
   * The roles some binding grants to at least one subject, and, transitively, the components of
   * every bound aggregated ClusterRole: {@code Kind/namespace/name}.
   */
  private static Set<String> held(Rbac rbac) {
    Set<String> held = new HashSet<>();
    Deque<String> aggregated = new ArrayDeque<>();
    for (Binding b : rbac.bindings()) {
      Role role = rbac.role(b);
      if (role.exists() && b.subjects().stream().anyMatch(Objects::nonNull)) {
        String key = key(role.kind(), role.namespace(), role.name());
        if (held.add(key) && role.isClusterRole()) {
          aggregated.add(role.name());
        }
      }
    }
    Map<String, Role> clusterRoles = rbac.clusterRoles();
    while (!aggregated.isEmpty()) {
      Role role = clusterRoles.get(aggregated.pop());
      if (role != null) {
        for (String component : role.aggregatedFrom()) {
          if (held.add(key(Role.CLUSTER_ROLE, null, component))) {
            aggregated.add(component);
          }
        }
      }
    }
    return held;
  }

  private static String key(String kind, String namespace, String name) {
    return Role.CLUSTER_ROLE.equals(kind)
        ? kind + "//" + name
        : kind + "/" + namespace + "/" + name;
  }

  private static List<PolicyRule> policyRules(KubeObject o) {
    if (o.resource() instanceof ClusterRole cr) {
      return cr.getRules() == null ? List.of() : cr.getRules();
    }
    if (o.resource() instanceof io.fabric8.kubernetes.api.model.rbac.Role r) {
      return r.getRules() == null ? List.of() : r.getRules();
    }
    return null;
  }

  private static List<Rule> rules(List<PolicyRule> policy, String origin) {
    if (policy == null) {
      return List.of();
    }
    return policy.stream().filter(Objects::nonNull).map(p -> Rule.of(p, origin)).toList();
  }
}
