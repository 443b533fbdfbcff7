package dev.rampart.checks.rbac;

import dev.rampart.checks.Category;
import dev.rampart.checks.Check;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Results;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.rbac.Binding;
import dev.rampart.rbac.Rbac;
import dev.rampart.rbac.Role;
import dev.rampart.snapshot.Snapshot;
import java.util.List;
import java.util.Objects;
import java.util.Set;

@CheckInfo(
    id = "rbac-binding-to-missing-role",
    title = "Binding refers to a role that does not exist",
    severity = Severity.MEDIUM,
    category = Category.RBAC,
    frameworks = {"nsa-cisa:authentication-authorization", "mitre:t1098"},
    why =
        """
        A dangling binding grants nothing today and whatever a role of that name will grant once \
        somebody creates it: whoever can create roles in the namespace then silently grants its \
        subjects, and nobody reviews the binding again.""",
    remediation = "Delete the binding, or create the role it was meant for and review both.",
    notes =
        """
        The roles every cluster has (cluster-admin, admin, edit, view and the system: roles) are \
        assumed to exist. Not evaluated when the input holds no roles of the kind referred to \
        (manifests of one application).""")
public final class BindingToMissingRole implements Check {

  @Override
  public Set<String> requires() {
    return RbacKinds.GRANTS;
  }

  private static final Set<String> ALWAYS_PRESENT =
      Set.of("cluster-admin", "admin", "edit", "view");

  @Override
  public void run(Snapshot snapshot, CheckContext context, Results results) {
    Rbac rbac = Rbac.of(snapshot);
    if (snapshot.ofKind(Role.ROLE).isEmpty() && snapshot.ofKind(Role.CLUSTER_ROLE).isEmpty()) {
      if (!rbac.bindings().isEmpty()) {
        results.notEvaluated(
            "the input holds no Roles or ClusterRoles to resolve bindings against");
      }
      return;
    }
    for (Binding b : rbac.bindings()) {
      Role role = rbac.role(b);
      if (role.exists() || assumedPresent(b, snapshot)) {
        results.pass(b.object());
        continue;
      }
      List<String> subjects =
          b.subjects().stream().filter(Objects::nonNull).map(s -> Holders.name(s, rbac)).toList();
      String grants = subjects.isEmpty() ? "nobody" : String.join(", ", subjects);
      results.fail(
          Violation.of(
                  b.object(),
                  "roleRef.name",
                  b.display()
                      + " refers to "
                      + b.roleDisplay()
                      + ", which does not exist; creating it would grant "
                      + grants)
              .withValue(b.roleName()));
    }
  }

  private static boolean assumedPresent(Binding b, Snapshot snapshot) {
    if (Role.CLUSTER_ROLE.equals(b.roleKind()) && b.roleName() != null) {
      return ALWAYS_PRESENT.contains(b.roleName())
          || b.roleName().startsWith("system:")
          || snapshot.ofKind(Role.CLUSTER_ROLE).isEmpty();
    }
    // A Role, or a ClusterRoleBinding to a Role (which the API server rejects): missing unless
    // the input has no Roles at all.
    return Role.ROLE.equals(b.roleKind())
        && !b.isClusterWide()
        && snapshot.ofKind(Role.ROLE).isEmpty();
  }
}
