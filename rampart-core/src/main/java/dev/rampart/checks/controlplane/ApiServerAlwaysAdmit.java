package dev.rampart.checks.controlplane;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.Snapshot;
import java.util.function.Consumer;

@CheckInfo(
    id = "apiserver-always-admit",
    title = "API server admission control admits everything",
    severity = Severity.MEDIUM,
    category = Category.CONTROL_PLANE,
    frameworks = {"cis-k8s-1.9:1.2.10"},
    why =
        """
        The AlwaysAdmit plugin (the default before Kubernetes 1.10) means admission control is a no-op \
        where it stands in for real plugins: nothing validates or restricts what is created.""",
    remediation =
        """
        Remove AlwaysAdmit from the admission plugin flags of kube-apiserver and rely on the default \
        plugins plus NodeRestriction, PodSecurity and the others this benchmark asks for.""",
    notes =
        """
        Before Kubernetes 1.10 an absent --admission-control meant AlwaysAdmit; the check knows the \
        defaults per version from the image tag. kube-bench (cfg/cis-1.9, 1.2.10) tests the same plugin.""")
public final class ApiServerAlwaysAdmit extends ControlPlaneCheck {

  public ApiServerAlwaysAdmit() {
    super(Component.KUBE_APISERVER);
  }

  @Override
  protected void check(
      ControlPlanePod pod, Snapshot snapshot, CheckContext context, Consumer<Violation> fail) {
    if (pod.admissionPlugins().enabled("AlwaysAdmit")) {
      fail.accept(
          pod.admissionViolation(
              "AlwaysAdmit", pod.name() + " runs the AlwaysAdmit admission plugin"));
    }
  }
}
