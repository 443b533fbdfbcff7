package dev.rampart.checks.controlplane;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.Snapshot;
import java.util.function.Consumer;

@CheckInfo(
    id = "controller-manager-terminated-pod-gc-threshold",
    title = "Controller manager keeps up to 12500 terminated pods",
    severity = Severity.LOW,
    category = Category.CONTROL_PLANE,
    frameworks = {"cis-k8s-1.9:1.3.1"},
    why =
        """
        Terminated pods are garbage-collected only above --terminated-pod-gc-threshold (12500 by \
        default). Until then they fill etcd and slow every list of pods: a cheap way for anyone who \
        can create pods to degrade the control plane.""",
    remediation =
        """
        Set --terminated-pod-gc-threshold on kube-controller-manager to a value suited to the \
        cluster, for example 10 to a few hundred.""",
    notes =
        """
        As in kube-bench (cfg/cis-1.9, 1.3.1), the check asks for the flag to be set; any explicit \
        value passes, since the right threshold depends on the cluster.""")
public final class ControllerManagerTerminatedPodGcThreshold extends ControlPlaneCheck {

  public ControllerManagerTerminatedPodGcThreshold() {
    super(Component.KUBE_CONTROLLER_MANAGER);
  }

  @Override
  protected void check(
      ControlPlanePod pod, Snapshot snapshot, CheckContext context, Consumer<Violation> fail) {
    Setting s = pod.setting("terminated-pod-gc-threshold");
    if (!s.explicit()) {
      fail.accept(
          pod.violation(s, pod.name() + " garbage-collects terminated pods late: " + s.describe()));
    }
  }
}
