package dev.rampart.checks.controlplane;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.Snapshot;
import java.util.function.Consumer;

@CheckInfo(
    id = "apiserver-service-account-admission-disabled",
    title = "API server runs without the ServiceAccount admission plugin",
    severity = Severity.MEDIUM,
    category = Category.CONTROL_PLANE,
    frameworks = {"cis-k8s-1.9:1.2.12"},
    why =
        """
        The ServiceAccount plugin gives every pod a service account and its token projection and \
        enforces mountable-secret restrictions; without it pods run with whatever credentials \
        their spec names, unchecked.""",
    remediation =
        """
        Remove ServiceAccount from --disable-admission-plugins on kube-apiserver (it is on by default \
        since 1.10).""",
    notes =
        """
        On by default since Kubernetes 1.10, so only an explicit --disable-admission-plugins (or a \
        legacy --admission-control list without it) fails. kube-bench (cfg/cis-1.9, 1.2.12) tests the same plugin.""")
public final class ApiServerServiceAccountAdmissionDisabled extends ControlPlaneCheck {

  public ApiServerServiceAccountAdmissionDisabled() {
    super(Component.KUBE_APISERVER);
  }

  @Override
  protected void check(
      ControlPlanePod pod, Snapshot snapshot, CheckContext context, Consumer<Violation> fail) {
    if (!pod.admissionPlugins().enabled("ServiceAccount")) {
      fail.accept(
          pod.admissionViolation(
              "ServiceAccount", pod.name() + " runs without the ServiceAccount admission plugin"));
    }
  }
}
