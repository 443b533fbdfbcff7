package dev.rampart.checks.controlplane;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.Snapshot;
import java.util.function.Consumer;

@CheckInfo(
    id = "control-plane-bind-address",
    title = "Controller manager or scheduler listens beyond localhost",
    severity = Severity.MEDIUM,
    category = Category.CONTROL_PLANE,
    frameworks = {"cis-k8s-1.9:1.3.7", "cis-k8s-1.9:1.4.2", "nsa-cisa:network-separation"},
    why =
        """
        kube-controller-manager (port 10257) and kube-scheduler (port 10259) serve health, metrics \
        and, with profiling on, pprof. Bound to all interfaces they are reachable from the node \
        network and from every pod that can reach the node.""",
    remediation =
        """
        Set --bind-address=127.0.0.1 on kube-controller-manager and kube-scheduler, and scrape \
        their metrics through a local proxy if needed.""",
    notes =
        """
        Absent, --bind-address defaults to 0.0.0.0 (all interfaces). kube-bench (cfg/cis-1.9, 1.3.7, \
        1.4.2) passes an absent flag; Rampart follows what the binaries do and fails it. kubeadm \
        sets 127.0.0.1.""")
public final class ControlPlaneBindAddress extends ControlPlaneCheck {

  public ControlPlaneBindAddress() {
    super(Component.KUBE_CONTROLLER_MANAGER, Component.KUBE_SCHEDULER);
  }

  @Override
  protected void check(
      ControlPlanePod pod, Snapshot snapshot, CheckContext context, Consumer<Violation> fail) {
    Setting s = pod.setting("bind-address");
    if (!isLoopback(s.value())) {
      fail.accept(pod.violation(s, pod.name() + " listens on all interfaces: " + s.describe()));
    }
  }

  static boolean isLoopback(String address) {
    return address != null
        && (address.equals("::1") || address.equals("localhost") || address.startsWith("127."));
  }
}
