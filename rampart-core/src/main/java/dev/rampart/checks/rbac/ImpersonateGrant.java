package dev.rampart.checks.rbac;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.rbac.Request;
import java.util.List;

@CheckInfo(
    id = "rbac-impersonate",
    title = "Subject can impersonate users, groups or service accounts",
    severity = Severity.CRITICAL,
    category = Category.RBAC,
    frameworks = {"cis-k8s-1.9:5.1.8", "nsa-cisa:authentication-authorization", "mitre:t1078"},
    why =
        """
        Impersonation makes the API server treat a request as another identity's: impersonating \
        the group system:masters, or any admin user or service account, is cluster-admin, and the \
        audit log records the impersonated identity.""",
    remediation =
        """
        Remove impersonate, or limit it with resourceNames to the identities a support tool must \
        act as; never to system:masters or to administrators.""")
public final class ImpersonateGrant extends RiskyGrantCheck {

  @Override
  protected String permission() {
    return "impersonate other identities";
  }

  @Override
  protected List<Request> requests() {
    return List.of(
        request("impersonate", "", "users"),
        request("impersonate", "", "groups"),
        request("impersonate", "", "serviceaccounts"),
        request("impersonate", "authentication.k8s.io", "uids"));
  }
}
