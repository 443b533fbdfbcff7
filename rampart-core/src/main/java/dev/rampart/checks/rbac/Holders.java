package dev.rampart.checks.rbac;

import dev.rampart.rbac.Binding;
import dev.rampart.rbac.Rbac;
import dev.rampart.rbac.ServiceAccountTokens;
import dev.rampart.rbac.Subject;
import dev.rampart.snapshot.Workload;
import java.util.List;

/** How RBAC findings name who holds a permission, and where its token runs. */
final class Holders {

  private static final int MAX_WORKLOADS = 3;

  private Holders() {}

  /**
   * e.g. {@code ServiceAccount ci/deployer}, {@code Group system:serviceaccounts:storefront (every
   * service account of namespace storefront)}, {@code ServiceAccount data/backup-agent (which does
   * not exist)}.
   */
  static String name(Subject s, Rbac rbac) {
    String name = s.display();
    if (s.isServiceAccount() && !rbac.serviceAccountExists(s.namespace(), s.name())) {
      return name + " (which does not exist: whoever creates it gets this)";
    }
    if (s.isGroup()) {
      String ns = s.serviceAccountGroupNamespace();
      if (ns != null) {
        return name + " (every service account of namespace " + ns + ")";
      }
      return switch (s.name()) {
        case Subject.AUTHENTICATED -> name + " (every authenticated user and service account)";
        case Subject.UNAUTHENTICATED -> name + " (every anonymous request)";
        case Subject.ALL_SERVICE_ACCOUNTS -> name + " (every service account)";
        default -> name;
      };
    }
    return name;
  }

  /** {@code ; its token is mounted in Deployment/ns/x, ...}, or empty when none is. */
  static String mounted(Subject s, Rbac rbac) {
    List<Workload> workloads = rbac.tokens().mountedBy(s);
    if (workloads.isEmpty()) {
      return "";
    }
    if (s.isGroup() && s.serviceAccountGroupNamespace() == null) {
      return "; every service-account token of the cluster holds it ("
          + workloads.size()
          + " running workloads)";
    }
    String whose = s.isServiceAccount() ? "its token is" : "tokens of its members are";
    return "; "
        + whose
        + " mounted in running workloads: "
        + ServiceAccountTokens.describe(workloads, MAX_WORKLOADS);
  }

  /** {@code cluster-wide} or {@code in namespace NS}. */
  static String scope(Binding b) {
    return b.isClusterWide() ? "cluster-wide" : "in namespace " + b.namespace();
  }
}
