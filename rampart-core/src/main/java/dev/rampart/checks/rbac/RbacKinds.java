package dev.rampart.checks.rbac;

import dev.rampart.rbac.Binding;
import dev.rampart.rbac.Role;
import dev.rampart.snapshot.Workloads;
import java.util.HashSet;
import java.util.Set;

/** The kinds the RBAC checks read, for {@link dev.rampart.checks.Check#requires()}. */
final class RbacKinds {

  /** Roles and bindings: what every grant is made of. */
  static final Set<String> GRANTS =
      Set.of(Role.ROLE, Role.CLUSTER_ROLE, Binding.ROLE_BINDING, Binding.CLUSTER_ROLE_BINDING);

  /** Grants, and the ServiceAccounts whose existence a subject's verdict depends on. */
  static final Set<String> GRANTS_AND_ACCOUNTS = with(GRANTS, Set.of("ServiceAccount"));

  /**
   * Everything an escalation path goes through: grants, accounts, token Secrets and the workloads
   * whose pods carry a token.
   */
  static final Set<String> ESCALATIONS =
      with(GRANTS_AND_ACCOUNTS, with(Set.of("Secret"), Workloads.KINDS));

  private RbacKinds() {}

  private static Set<String> with(Set<String> a, Set<String> b) {
    Set<String> all = new HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }
}
