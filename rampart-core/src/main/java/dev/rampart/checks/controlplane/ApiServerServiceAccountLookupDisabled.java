package dev.rampart.checks.controlplane;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.Snapshot;
import java.util.function.Consumer;

@CheckInfo(
    id = "apiserver-service-account-lookup-disabled",
    title = "API server accepts tokens of deleted service accounts",
    severity = Severity.MEDIUM,
    category = Category.CONTROL_PLANE,
    frameworks = {"cis-k8s-1.9:1.2.21", "nsa-cisa:authentication-authorization", "mitre:t1528"},
    why =
        """
        With --service-account-lookup=false the API server only checks a token's signature: a \
        token stays valid after its service account (or secret) is deleted, so revoking a stolen \
        token by deleting the account does not work.""",
    remediation =
        "Remove --service-account-lookup=false from kube-apiserver (the default is true).",
    notes = "Defaults to true. kube-bench (cfg/cis-1.9, 1.2.21) tests the same flag.")
public final class ApiServerServiceAccountLookupDisabled extends ControlPlaneCheck {

  public ApiServerServiceAccountLookupDisabled() {
    super(Component.KUBE_APISERVER);
  }

  @Override
  protected void check(
      ControlPlanePod pod, Snapshot snapshot, CheckContext context, Consumer<Violation> fail) {
    Setting s = pod.setting("service-account-lookup");
    if (s.isFalse()) {
      fail.accept(
          pod.violation(
              s,
              pod.name()
                  + " does not check that a token's service account still exists: "
                  + s.describe()));
    }
  }
}
