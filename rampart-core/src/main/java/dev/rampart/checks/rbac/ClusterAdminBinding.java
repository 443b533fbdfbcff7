package dev.rampart.checks.rbac;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.rbac.Binding;
import dev.rampart.rbac.Rbac;
import dev.rampart.rbac.Role;
import dev.rampart.rbac.Rule;
import dev.rampart.rbac.Subject;

@CheckInfo(
    id = "cluster-admin-binding",
    title = "Cluster-admin granted to an ordinary subject",
    severity = Severity.CRITICAL,
    category = Category.RBAC,
    frameworks = {"cis-k8s-1.9:5.1.1", "nsa-cisa:authentication-authorization", "mitre:t1078"},
    why =
        """
        A ClusterRoleBinding to cluster-admin, or to any ClusterRole that grants every verb on \
        every resource of every API group, gives its subjects the whole cluster: every Secret, \
        every node through privileged pods, and the power to hide their tracks. A workload \
        service account with it turns any compromise of that workload into a cluster compromise. \
        Bound by a RoleBinding, the same role gives everything in the namespace, its Secrets, \
        pods and RoleBindings included.""",
    remediation =
        """
        Bind the narrowest role that does the job, in the namespaces it is needed in. Keep \
        cluster-admin for break-glass access by named administrators (kubeadm's \
        kubeadm:cluster-admins group), never for workloads or CI.""",
    notes =
        """
        A role counts as everything when its rules allow every verb, or at least get, list, \
        watch, create, update, patch and delete (in one rule or several), on every resource of \
        every API group: such a holder reads every Secret and creates pods with any service \
        account, cluster-admin in all but name. A binding to ClusterRole/cluster-admin counts \
        whatever rules the input gives that role, and when the input lacks it: the API server \
        restores the bootstrap role's every permission at each start, unless the stored role is \
        annotated rbac.authorization.kubernetes.io/autoupdate: "false" (then its rules are \
        judged). The built-in binding of cluster-admin to system:masters, and kubeadm's to \
        kubeadm:cluster-admins, are not findings; a binding with a built-in name (cluster-admin, \
        system:*, gce:*, ...) that grants to an ordinary subject is one, for that subject \
        (docs/rbac.md lists the built-ins). Polaris exempts such bindings by name alone, so its \
        fixtures that bind everything to User testuser under the names system:test and \
        gce:podsecuritypolicy:calico-sa pass there and fail here. The other RBAC checks leave \
        bindings reported here to this one, so that an administrator is reported once rather \
        than once per risky permission.""")
public final class ClusterAdminBinding extends BindingCheck {

  private static final String CLUSTER_ADMIN = "cluster-admin";
  private static final String AUTOUPDATE = "rbac.authorization.kubernetes.io/autoupdate";

  @Override
  protected String problem(Subject s, Binding b, Rbac rbac) {
    Role role = rbac.role(b);
    String what;
    boolean everyVerb = true;
    if (isBootstrapClusterAdmin(b, role)) {
      what =
          "ClusterRole/cluster-admin"
              + (!role.exists() || role.rules().stream().anyMatch(Rule::grantsEverything)
                  ? ""
                  : " (the input narrows its rules, but the API server restores every permission"
                      + " of this bootstrap role at each start unless it is annotated "
                      + AUTOUPDATE
                      + ": \"false\")");
    } else if (role.rules().stream().anyMatch(Rule::grantsEverything)) {
      what = role.display() + ", which grants every verb on every resource";
    } else if (role.controlsEveryObject()) {
      everyVerb = false;
      what =
          role.display()
              + ", which grants get, list, watch, create, update, patch and delete on every"
              + " resource";
    } else {
      return null;
    }
    String is;
    if (everyVerb) {
      is =
          b.isClusterWide()
              ? " is cluster-admin through "
              : " holds every permission in namespace " + b.namespace() + " through ";
    } else {
      is =
          b.isClusterWide()
              ? " can read and write every object of the cluster, an administrator in all but"
                  + " name, through "
              : " can read and write every object in namespace " + b.namespace() + " through ";
    }
    return Holders.name(s, rbac) + is + what + Holders.mounted(s, rbac);
  }

  /**
   * Whether the binding gives its subjects everything, cluster-wide or in its namespace: what this
   * check reports, and the other RBAC checks leave to it.
   */
  static boolean grantsEverything(Binding b, Role role) {
    return isBootstrapClusterAdmin(b, role) || role.controlsEveryObject();
  }

  /**
   * A binding to ClusterRole/cluster-admin as the cluster has it: missing from the input (every
   * cluster has it), or stored without opting out of the API server's reconciliation.
   */
  private static boolean isBootstrapClusterAdmin(Binding b, Role role) {
    return Role.CLUSTER_ROLE.equals(b.roleKind())
        && CLUSTER_ADMIN.equals(b.roleName())
        && (!role.exists() || !"false".equals(role.object().annotations().get(AUTOUPDATE)));
  }
}
