package dev.rampart.checks.rbac;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.rbac.Binding;
import dev.rampart.rbac.BuiltIns;
import dev.rampart.rbac.Rbac;
import dev.rampart.rbac.Role;
import dev.rampart.rbac.Subject;
import java.util.Set;

@CheckInfo(
    id = "rbac-grant-to-everyone",
    title = "Permissions granted to every user or to anonymous requests",
    severity = Severity.CRITICAL,
    category = Category.RBAC,
    frameworks = {"nsa-cisa:authentication-authorization", "mitre:t1078"},
    why =
        """
        system:authenticated holds every user and every service-account token of the cluster, \
        system:serviceaccounts every token, and system:unauthenticated and system:anonymous \
        every request without credentials. A permission granted to them is held by every pod \
        that is compromised, and, for the anonymous ones, by anybody who reaches the API server.""",
    remediation =
        """
        Bind the role to the users, groups or service accounts that need it. Keep anonymous \
        authentication off (--anonymous-auth=false) unless health checks require it.""",
    notes =
        """
        The defaults every cluster has (discovery, health and version endpoints, kubeadm's \
        cluster-info for joining nodes) are not findings; the same roles bound again under \
        another name are.""")
public final class EveryoneGrant extends BindingCheck {

  private static final Set<Subject> EVERYONE =
      Set.of(
          Subject.group(Subject.AUTHENTICATED),
          Subject.group(Subject.UNAUTHENTICATED),
          Subject.group(Subject.ALL_SERVICE_ACCOUNTS),
          Subject.user(Subject.ANONYMOUS));

  @Override
  protected String problem(Subject s, Binding b, Rbac rbac) {
    if (!EVERYONE.contains(s) || BuiltIns.isDefaultPublicGrant(b, s)) {
      return null;
    }
    Role role = rbac.role(b);
    String grants =
        role.exists()
            ? role.display() + " " + Holders.scope(b)
            : "whatever " + b.roleDisplay() + " will grant once it exists";
    return Holders.name(s, rbac) + " is granted " + grants + Holders.mounted(s, rbac);
  }
}
