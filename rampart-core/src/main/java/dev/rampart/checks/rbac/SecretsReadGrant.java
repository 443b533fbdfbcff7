package dev.rampart.checks.rbac;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.rbac.Request;
import java.util.List;

@CheckInfo(
    id = "rbac-read-secrets",
    title = "Subject can read Secrets",
    severity = Severity.HIGH,
    category = Category.RBAC,
    frameworks = {"cis-k8s-1.9:5.1.2", "nsa-cisa:authentication-authorization", "mitre:t1552.007"},
    why =
        """
        get, list or watch on secrets returns their values: database passwords, API keys, TLS \
        keys and the tokens of other service accounts (long-lived token Secrets of an admin \
        account make the reader cluster-admin). list and watch return every Secret of the scope \
        at once.""",
    remediation =
        """
        Remove secrets from the role, or grant get on the few Secrets the subject needs with \
        resourceNames. Prefer mounting a Secret into the pod that needs it over reading it through \
        the API. Bind the role in the namespace that holds the Secrets, not cluster-wide.""",
    notes =
        """
        A rule limited to some Secrets by resourceNames is not reported: that is the least \
        privilege this check recommends.""")
public final class SecretsReadGrant extends RiskyGrantCheck {

  @Override
  protected String permission() {
    return "read Secrets";
  }

  @Override
  protected List<Request> requests() {
    return verbs(List.of("get", "list", "watch"), "", "secrets", "");
  }
}
