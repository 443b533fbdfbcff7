package dev.rampart.checks.rbac;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.rbac.Request;
import java.util.ArrayList;
import java.util.List;

@CheckInfo(
    id = "rbac-webhook-configuration",
    title = "Subject can change admission webhook configurations",
    severity = Severity.HIGH,
    category = Category.RBAC,
    frameworks = {"cis-k8s-1.9:5.1.12", "nsa-cisa:authentication-authorization", "mitre:t1562.001"},
    why =
        """
        A mutating webhook receives and may rewrite every matching object before it is stored \
        (pods, Secrets, bindings); a validating webhook receives them too, and deleting or \
        loosening one switches off the policies it enforces. Either is a foothold over everything \
        the cluster admits.""",
    remediation =
        """
        Let only the component that owns a webhook manage it, with resourceNames on its own \
        configuration; never grant create or delete on all webhook configurations.""")
public final class WebhookConfigurationGrant extends RiskyGrantCheck {

  private static final String ADMISSION = "admissionregistration.k8s.io";

  @Override
  protected String permission() {
    return "change admission webhook configurations";
  }

  @Override
  protected List<Request> requests() {
    List<Request> requests = new ArrayList<>();
    for (String resource :
        List.of("mutatingwebhookconfigurations", "validatingwebhookconfigurations")) {
      for (String verb : List.of("create", "update", "patch", "delete", "deletecollection")) {
        requests.add(request(verb, ADMISSION, resource));
      }
    }
    return requests;
  }
}
