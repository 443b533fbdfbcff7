package dev.rampart.checks.controlplane;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.Snapshot;
import java.util.function.Consumer;

@CheckInfo(
    id = "apiserver-always-pull-images-missing",
    title = "API server does not force image pulls",
    severity = Severity.LOW,
    category = Category.CONTROL_PLANE,
    frameworks = {"cis-k8s-1.9:1.2.11"},
    why =
        """
        Without AlwaysPullImages, a pod can start from an image already cached on its node without \
        the registry checking its pull credentials: one tenant can run another tenant's private \
        image on a shared node.""",
    remediation =
        """
        Add AlwaysPullImages to --enable-admission-plugins on kube-apiserver. Every pod start then \
        contacts the registry: make sure the registry is highly available.""",
    notes =
        """
        The CIS benchmark marks this control Manual: it matters on multi-tenant nodes and costs \
        availability when the registry is down. kube-bench (cfg/cis-1.9, 1.2.11) tests the same plugin.""")
public final class ApiServerAlwaysPullImagesMissing extends ControlPlaneCheck {

  public ApiServerAlwaysPullImagesMissing() {
    super(Component.KUBE_APISERVER);
  }

  @Override
  protected void check(
      ControlPlanePod pod, Snapshot snapshot, CheckContext context, Consumer<Violation> fail) {
    if (!pod.admissionPlugins().enabled("AlwaysPullImages")) {
      fail.accept(
          pod.admissionViolation(
              "AlwaysPullImages",
              pod.name() + " does not run the AlwaysPullImages admission plugin"));
    }
  }
}
