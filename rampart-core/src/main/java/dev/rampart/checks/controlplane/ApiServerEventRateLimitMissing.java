package dev.rampart.checks.controlplane;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.Snapshot;
import java.util.function.Consumer;

@CheckInfo(
    id = "apiserver-event-rate-limit-missing",
    title = "API server does not limit the rate of events",
    severity = Severity.LOW,
    category = Category.CONTROL_PLANE,
    frameworks = {"cis-k8s-1.9:1.2.9"},
    why =
        """
        Without the EventRateLimit admission plugin, a misbehaving or malicious client can flood the API \
        server and etcd with Events, degrading the control plane for everyone.""",
    remediation =
        """
        Write an EventRateLimit configuration (limits per server, namespace, user or source), reference it \
        from the file given to --admission-control-config-file, and add EventRateLimit to \
        --enable-admission-plugins on kube-apiserver.""",
    notes =
        """
        EventRateLimit is an alpha plugin and needs its configuration file; API Priority and Fairness \
        also protects the API server. The limits themselves are in a file on the host and not seen. kube-bench (cfg/cis-1.9, 1.2.9) tests the same plugin.""")
public final class ApiServerEventRateLimitMissing extends ControlPlaneCheck {

  public ApiServerEventRateLimitMissing() {
    super(Component.KUBE_APISERVER);
  }

  @Override
  protected void check(
      ControlPlanePod pod, Snapshot snapshot, CheckContext context, Consumer<Violation> fail) {
    if (!pod.admissionPlugins().enabled("EventRateLimit")) {
      fail.accept(
          pod.admissionViolation(
              "EventRateLimit", pod.name() + " does not run the EventRateLimit admission plugin"));
    }
  }
}
