package dev.rampart.checks.controlplane;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.Snapshot;
import java.util.function.Consumer;

@CheckInfo(
    id = "apiserver-token-auth-file",
    title = "API server accepts static tokens from a file",
    severity = Severity.HIGH,
    category = Category.CONTROL_PLANE,
    frameworks = {"cis-k8s-1.9:1.2.2", "nsa-cisa:authentication-authorization", "mitre:t1078"},
    why =
        """
        Tokens in a --token-auth-file never expire, sit in clear text on every control-plane node, \
        and cannot be revoked without editing the file and restarting the API server. A leaked token \
        stays valid indefinitely.""",
    remediation =
        """
        Move users to OIDC, client certificates with short lifetimes, or service-account tokens, \
        then remove --token-auth-file from kube-apiserver's manifest.""",
    notes = "kube-bench (cfg/cis-1.9, 1.2.2) tests that the flag is not set.")
public final class ApiServerTokenAuthFile extends ControlPlaneCheck {

  public ApiServerTokenAuthFile() {
    super(Component.KUBE_APISERVER);
  }

  @Override
  protected void check(
      ControlPlanePod pod, Snapshot snapshot, CheckContext context, Consumer<Violation> fail) {
    Setting s = pod.setting("token-auth-file");
    if (s.isSet()) {
      fail.accept(pod.violation(s, pod.name() + " accepts static bearer tokens: " + s.describe()));
    }
  }
}
