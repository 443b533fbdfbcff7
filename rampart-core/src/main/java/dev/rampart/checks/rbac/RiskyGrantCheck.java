package dev.rampart.checks.rbac;

import dev.rampart.checks.Check;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.Results;
import dev.rampart.checks.Violation;
import dev.rampart.rbac.ApiResources;
import dev.rampart.rbac.Binding;
import dev.rampart.rbac.BuiltIns;
import dev.rampart.rbac.Rbac;
import dev.rampart.rbac.Request;
import dev.rampart.rbac.Role;
import dev.rampart.rbac.Rule;
import dev.rampart.rbac.Subject;
import dev.rampart.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A check of every binding for one risky permission: a binding whose role (aggregation resolved)
 * allows one of the {@link #requests()} fails once per subject, on {@code subjects[i]}, with a
 * message naming the subject, the rule and the running workloads that carry the subject's token.
 * Built-in bindings of system identities are not findings ({@link BuiltIns}).
 *
 * <p>Bindings that give everything (cluster-admin, or every standard verb on every resource) are
 * left to {@link ClusterAdminBinding}, which reports their subjects once rather than once per risky
 * permission. A RoleBinding cannot grant cluster-scoped resources (nodes, PersistentVolumes,
 * webhook configurations): requests for them only count on ClusterRoleBindings, as in the
 * authorizer.
 */
abstract class RiskyGrantCheck implements Check {

  @Override
  public Set<String> requires() {
    return RbacKinds.GRANTS;
  }

  private static final int MAX_RULES = 3;

  /** What the permission lets one do, e.g. {@code read secrets}. */
  protected abstract String permission();

  /** The requests that make a rule risky (their namespace is ignored; names are empty). */
  protected abstract List<Request> requests();

  @Override
  public final void run(Snapshot snapshot, CheckContext context, Results results) {
    Rbac rbac = Rbac.of(snapshot);
    for (Binding b : rbac.bindings()) {
      if (BuiltIns.isBuiltInBinding(b)) {
        results.notApplicable(b.object(), "built-in binding of system identities");
        continue;
      }
      Role role = rbac.role(b);
      if (ClusterAdminBinding.grantsEverything(b, role)) {
        results.notApplicable(b.object(), "grants everything: cluster-admin-binding reports it");
        continue;
      }
      List<Rule> risky = risky(role, b);
      if (risky.isEmpty() || b.subjects().stream().allMatch(s -> s == null)) {
        results.pass(b.object());
        continue;
      }
      for (int i = 0; i < b.subjects().size(); i++) {
        Subject s = b.subjects().get(i);
        if (s != null) {
          results.fail(
              Violation.of(b.object(), Binding.subjectPath(i), message(s, b, role, risky, rbac))
                  .withValue(s.display()));
        }
      }
    }
  }

  private List<Rule> risky(Role role, Binding b) {
    List<Rule> risky = new ArrayList<>();
    for (Rule r : role.rules()) {
      for (Request q : requests()) {
        boolean effective = b.isClusterWide() || ApiResources.isNamespaced(q.resource());
        if (effective && r.allows(q)) {
          risky.add(r);
          break;
        }
      }
    }
    return risky;
  }

  private String message(Subject s, Binding b, Role role, List<Rule> risky, Rbac rbac) {
    List<String> rules = new ArrayList<>();
    for (Rule r : risky.subList(0, Math.min(MAX_RULES, risky.size()))) {
      String origin =
          r.origin() != null && !r.origin().equals(role.name())
              ? " (aggregated from ClusterRole/" + r.origin() + ")"
              : "";
      rules.add(r.describe() + origin);
    }
    return Holders.name(s, rbac)
        + " can "
        + permission()
        + " "
        + Holders.scope(b)
        + ": "
        + String.join("; ", rules)
        + (risky.size() > MAX_RULES ? " and " + (risky.size() - MAX_RULES) + " more rules" : "")
        + " in "
        + b.roleDisplay()
        + Holders.mounted(s, rbac);
  }

  static Request request(String verb, String group, String resource) {
    return Request.resource(verb, group, resource, "", null);
  }

  static Request request(String verb, String group, String resource, String subresource) {
    return Request.resource(verb, group, resource, subresource, null);
  }

  /** The same request for each verb. */
  static List<Request> verbs(List<String> verbs, String group, String resource, String sub) {
    return verbs.stream().map(v -> request(v, group, resource, sub)).toList();
  }
}
