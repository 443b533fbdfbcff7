package dev.rampart.checks.rbac;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.rbac.Request;
import java.util.List;

@CheckInfo(
    id = "rbac-create-tokens",
    title = "Subject can create service-account tokens",
    severity = Severity.HIGH,
    category = Category.RBAC,
    frameworks = {"cis-k8s-1.9:5.1.13", "nsa-cisa:authentication-authorization", "mitre:t1528"},
    why =
        """
        create on serviceaccounts/token mints a token for any service account of the scope: the \
        subject acts with that account's permissions for as long as the token lives, from \
        anywhere.""",
    remediation =
        """
        Remove serviceaccounts/token, or limit it with resourceNames to the service accounts a \
        component must mint tokens for.""")
public final class TokenCreationGrant extends RiskyGrantCheck {

  @Override
  protected String permission() {
    return "create tokens for service accounts";
  }

  @Override
  protected List<Request> requests() {
    return List.of(request("create", "", "serviceaccounts", "token"));
  }
}
