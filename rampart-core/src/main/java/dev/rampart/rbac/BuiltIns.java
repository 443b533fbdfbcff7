package dev.rampart.rbac;

import java.util.List;
import java.util.Set;

/**
 * The RBAC every cluster has: the API server's bootstrap roles and bindings ({@code system:*}),
 * those kubeadm and managed platforms add ({@code kubeadm:*}, {@code eks:*}, {@code gce:*}), and
 * the user-facing roles {@code cluster-admin}, {@code admin}, {@code edit} and {@code view}. They
 * are not findings by themselves (the cluster needs them, and they come back when deleted); binding
 * them to ordinary subjects is. See {@code docs/rbac.md}.
 */
public final class BuiltIns {

  private static final List<String> PREFIXES = List.of("system:", "kubeadm:", "eks:", "gce:");

  private static final Set<String> USER_FACING_ROLES =
      Set.of("cluster-admin", "admin", "edit", "view");

  private static final Set<String> SYSTEM_NAMESPACES = Set.of("kube-system", "kube-public");

  private static final Set<String> BUILT_IN_NAMESPACED_ROLES =
      Set.of("extension-apiserver-authentication-reader");

  /** Groups that platforms create for their administrators, outside {@code system:}. */
  private static final Set<String> PLATFORM_ADMIN_GROUPS = Set.of("kubeadm:cluster-admins");

  /**
   * The default bindings that grant something to every user or to anonymous requests, by (binding,
   * role, group): discovery, health and version endpoints, and kubeadm's cluster-info for joining
   * nodes. Anything else granted to these groups is a finding, including these roles bound again
   * under other names.
   */
  private static final Set<String> DEFAULT_PUBLIC_GRANTS =
      Set.of(
          "system:discovery|system:discovery|system:authenticated",
          "system:basic-user|system:basic-user|system:authenticated",
          "system:public-info-viewer|system:public-info-viewer|system:authenticated",
          "system:public-info-viewer|system:public-info-viewer|system:unauthenticated",
          "kubeadm:bootstrap-signer-clusterinfo|kubeadm:bootstrap-signer-clusterinfo"
              + "|system:anonymous");

  private BuiltIns() {}

  static boolean hasBuiltInPrefix(String name) {
    for (String p : PREFIXES) {
      if (name.startsWith(p)) {
        return true;
      }
    }
    return false;
  }

  /** A role every cluster has: bootstrap, kubeadm or platform roles, and the user-facing four. */
  public static boolean isBuiltInRole(Role role) {
    if (role.isClusterRole()) {
      return hasBuiltInPrefix(role.name()) || USER_FACING_ROLES.contains(role.name());
    }
    return role.namespace() != null
        && SYSTEM_NAMESPACES.contains(role.namespace())
        && (hasBuiltInPrefix(role.name()) || BUILT_IN_NAMESPACED_ROLES.contains(role.name()));
  }

  /**
   * An identity of the cluster itself: users and groups named {@code system:*} (components, nodes,
   * {@code system:masters}), platform administrator groups, and service accounts of {@code
   * kube-system} — the latter only when a built-in binding grants to them.
   */
  public static boolean isSystemSubject(Subject s) {
    return switch (s.kind()) {
      case USER, GROUP -> hasBuiltInPrefix(s.name()) || PLATFORM_ADMIN_GROUPS.contains(s.name());
      case SERVICE_ACCOUNT -> "kube-system".equals(s.namespace());
    };
  }

  /**
   * A binding the cluster made for itself: a built-in name ({@code system:*}, {@code kubeadm:*},
   * the {@code cluster-admin} binding) whose every subject is a system identity. The same name with
   * an ordinary subject added is not built-in any more.
   */
  public static boolean isBuiltInBinding(Binding b) {
    if (!hasBuiltInPrefix(b.name()) && !b.name().equals("cluster-admin")) {
      return false;
    }
    for (Subject s : b.subjects()) {
      if (s != null && !isSystemSubject(s)) {
        return false;
      }
    }
    return true;
  }

  /** Whether this grant to an everyone-group is one of the defaults every cluster has. */
  public static boolean isDefaultPublicGrant(Binding b, Subject group) {
    return DEFAULT_PUBLIC_GRANTS.contains(b.name() + "|" + b.roleName() + "|" + group.name());
  }
}
