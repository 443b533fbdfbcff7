package dev.rampart.checks.controlplane;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.Snapshot;
import java.util.function.Consumer;

@CheckInfo(
    id = "control-plane-profiling-enabled",
    title = "Control-plane component serves profiling endpoints",
    severity = Severity.LOW,
    category = Category.CONTROL_PLANE,
    frameworks = {"cis-k8s-1.9:1.2.15", "cis-k8s-1.9:1.3.2", "cis-k8s-1.9:1.4.1"},
    why =
        """
        The /debug/pprof endpoints expose detailed runtime information about the component and let \
        a caller trigger expensive CPU and heap profiles: information for an attacker and a lever \
        for denial of service.""",
    remediation =
        """
        Set --profiling=false on kube-apiserver, kube-controller-manager and kube-scheduler (in \
        their static pod manifests, and in the kubeadm ClusterConfiguration extraArgs).""",
    notes =
        """
        Absent, --profiling defaults to true for all three components. kube-bench (cfg/cis-1.9, \
        1.2.15, 1.3.2, 1.4.1) tests the same flag. The scheduler's --config file can also set \
        enableProfiling; it is not visible.""")
public final class ControlPlaneProfilingEnabled extends ControlPlaneCheck {

  public ControlPlaneProfilingEnabled() {
    super(Component.KUBE_APISERVER, Component.KUBE_CONTROLLER_MANAGER, Component.KUBE_SCHEDULER);
  }

  @Override
  protected void check(
      ControlPlanePod pod, Snapshot snapshot, CheckContext context, Consumer<Violation> fail) {
    Setting s = pod.setting("profiling");
    if (!s.isFalse()) {
      fail.accept(pod.violation(s, pod.name() + " serves /debug/pprof: " + s.describe()));
    }
  }
}
