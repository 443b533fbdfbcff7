package dev.rampart.checks.rbac;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.rbac.Request;
import java.util.List;

@CheckInfo(
    id = "rbac-bind-escalate",
    title = "Subject can bind or escalate roles",
    severity = Severity.CRITICAL,
    category = Category.RBAC,
    frameworks = {"cis-k8s-1.9:5.1.8", "nsa-cisa:authentication-authorization", "mitre:t1098"},
    why =
        """
        RBAC stops a subject from granting permissions it does not hold, unless it has bind (it \
        may then bind any role it is allowed to bind, cluster-admin included) or escalate (it may \
        then write any permission into a role). Either switches off the protection against \
        privilege escalation.""",
    remediation =
        """
        Remove bind and escalate. When a controller must create bindings, give bind on the \
        specific roles it hands out with resourceNames, in the namespaces where it hands them \
        out.""")
public final class BindOrEscalateGrant extends RiskyGrantCheck {

  private static final String RBAC = "rbac.authorization.k8s.io";

  @Override
  protected String permission() {
    return "bind or escalate roles";
  }

  @Override
  protected List<Request> requests() {
    return List.of(
        request("bind", RBAC, "clusterroles"),
        request("escalate", RBAC, "clusterroles"),
        request("bind", RBAC, "roles"),
        request("escalate", RBAC, "roles"));
  }
}
