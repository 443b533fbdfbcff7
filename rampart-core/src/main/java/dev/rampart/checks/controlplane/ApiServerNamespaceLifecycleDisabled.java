package dev.rampart.checks.controlplane;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.Snapshot;
import java.util.function.Consumer;

@CheckInfo(
    id = "apiserver-namespace-lifecycle-disabled",
    title = "API server runs without the NamespaceLifecycle admission plugin",
    severity = Severity.LOW,
    category = Category.CONTROL_PLANE,
    frameworks = {"cis-k8s-1.9:1.2.13"},
    why =
        """
        NamespaceLifecycle rejects objects in namespaces that do not exist or are being deleted; \
        without it, objects can be created in terminating namespaces and escape the policies and \
        quotas meant for them.""",
    remediation =
        """
        Remove NamespaceLifecycle from --disable-admission-plugins on kube-apiserver (it is on by \
        default since 1.10).""",
    notes =
        """
        On by default since Kubernetes 1.10, so only an explicit --disable-admission-plugins (or a \
        legacy --admission-control list without it) fails. kube-bench (cfg/cis-1.9, 1.2.13) tests the same plugin.""")
public final class ApiServerNamespaceLifecycleDisabled extends ControlPlaneCheck {

  public ApiServerNamespaceLifecycleDisabled() {
    super(Component.KUBE_APISERVER);
  }

  @Override
  protected void check(
      ControlPlanePod pod, Snapshot snapshot, CheckContext context, Consumer<Violation> fail) {
    if (!pod.admissionPlugins().enabled("NamespaceLifecycle")) {
      fail.accept(
          pod.admissionViolation(
              "NamespaceLifecycle",
              pod.name() + " runs without the NamespaceLifecycle admission plugin"));
    }
  }
}
