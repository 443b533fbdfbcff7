package dev.rampart.checks.controlplane;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.Snapshot;
import java.util.function.Consumer;

@CheckInfo(
    id = "apiserver-serving-tls-missing",
    title = "API server serves a self-generated certificate",
    severity = Severity.MEDIUM,
    category = Category.CONTROL_PLANE,
    frameworks = {"cis-k8s-1.9:1.2.24", "nsa-cisa:control-plane-hardening"},
    why =
        """
        Without --tls-cert-file and --tls-private-key-file the API server generates a self-signed \
        certificate that clients cannot verify, which trains them to skip verification: an open \
        door to man-in-the-middle attacks on every kubectl and controller.""",
    remediation =
        """
        Issue a serving certificate from the cluster CA (kubeadm: apiserver.crt) and set \
        --tls-cert-file and --tls-private-key-file on kube-apiserver.""",
    notes = "kube-bench (cfg/cis-1.9, 1.2.24) tests that both flags are set.")
public final class ApiServerServingTlsMissing extends ControlPlaneCheck {

  public ApiServerServingTlsMissing() {
    super(Component.KUBE_APISERVER);
  }

  @Override
  protected void check(
      ControlPlanePod pod, Snapshot snapshot, CheckContext context, Consumer<Violation> fail) {
    for (String flag : new String[] {"tls-cert-file", "tls-private-key-file"}) {
      Setting s = pod.setting(flag);
      if (!s.isSet()) {
        fail.accept(
            pod.violation(
                s, pod.name() + " has no configured serving certificate: " + s.describe()));
      }
    }
  }
}
