package dev.rampart.checks.controlplane;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.Snapshot;
import java.util.function.Consumer;

@CheckInfo(
    id = "apiserver-encryption-at-rest-missing",
    title = "Secrets are stored unencrypted in etcd",
    severity = Severity.HIGH,
    category = Category.CONTROL_PLANE,
    frameworks = {"cis-k8s-1.9:1.2.27", "cis-k8s-1.9:1.2.28", "nsa-cisa:encryption", "mitre:t1552"},
    why =
        """
        Without an encryption provider configuration, Secrets are written to etcd in plain text: \
        anyone with an etcd backup, a disk snapshot of a control-plane node or access to etcd reads \
        every credential of the cluster.""",
    remediation =
        """
        Write an EncryptionConfiguration that encrypts secrets with kms (v2), aescbc, aesgcm or \
        secretbox (identity last, for reading old data), set --encryption-provider-config on \
        kube-apiserver, then rewrite all Secrets (kubectl get secrets -A -o json | kubectl replace \
        -f -) so existing ones are encrypted.""",
    notes =
        """
        Which providers the file lists (CIS 1.2.28: aescbc, kms or secretbox, not identity first) \
        is in a file on the control-plane hosts and is reported not evaluated. kube-bench \
        (cfg/cis-1.9, 1.2.27) tests the flag.""")
public final class ApiServerEncryptionAtRestMissing extends ControlPlaneCheck {

  public ApiServerEncryptionAtRestMissing() {
    super(Component.KUBE_APISERVER);
  }

  @Override
  protected String partlyNotEvaluated(ControlPlanePod pod) {
    Setting s = pod.setting("encryption-provider-config");
    return s.isSet()
        ? "which encryption providers "
            + s.value()
            + " lists (CIS 1.2.28) is in a file on the control-plane hosts, which the API does"
            + " not show"
        : null;
  }

  @Override
  protected void check(
      ControlPlanePod pod, Snapshot snapshot, CheckContext context, Consumer<Violation> fail) {
    Setting s = pod.setting("encryption-provider-config");
    if (!s.isSet()) {
      fail.accept(
          pod.violation(s, pod.name() + " stores Secrets in etcd unencrypted: " + s.describe()));
    }
  }
}
