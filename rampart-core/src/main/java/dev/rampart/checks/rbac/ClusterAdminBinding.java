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
        The built-in binding of cluster-admin to system:masters, and kubeadm's to \
        kubeadm:cluster-admins, are not findings (docs/rbac.md lists the built-ins). The other \
        RBAC checks leave grants of everything to this one, so that an administrator is reported \
        once rather than once per risky permission.""")
public final class ClusterAdminBinding extends BindingCheck {

  @Override
  protected String problem(Subject s, Binding b, Rbac rbac) {
    Role role = rbac.role(b);
    if (role.rules().stream().noneMatch(Rule::grantsEverything)) {
      return null;
    }
    String what =
        role.name().equals("cluster-admin")
            ? "ClusterRole/cluster-admin"
            : role.display() + ", which grants every verb on every resource";
    String is =
        b.isClusterWide()
            ? " is cluster-admin through "
            : " holds every permission in namespace " + b.namespace() + " through ";
    return Holders.name(s, rbac) + is + what + Holders.mounted(s, rbac);
  }
}
