package dev.rampart.checks.node;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.KubeObject;
import java.util.function.Consumer;

@CheckInfo(
    id = "kubelet-pod-pids-unlimited",
    title = "Kubelet does not limit the processes of a pod",
    severity = Severity.LOW,
    category = Category.CONTROL_PLANE,
    frameworks = {"cis-k8s-1.9:4.2.13", "mitre:t1499"},
    why =
        """
        Without podPidsLimit one pod can fork until the node runs out of process IDs (a fork \
        bomb), starving the kubelet and every other pod on the node.""",
    remediation =
        """
        Set podPidsLimit in the kubelet configuration to a bound suited to the workloads (for \
        example 4096) and restart the kubelet.""",
    notes =
        """
        Read from the node's /configz. The default -1 means unlimited. kube-bench (cfg/cis-1.9, \
        4.2.13) asks for the field to be set.""")
public final class KubeletPodPidsUnlimited extends KubeletCheck {

  @Override
  protected void check(
      KubeletConfig config, KubeObject node, CheckContext context, Consumer<Violation> fail) {
    KubeletSetting s = config.setting("podPidsLimit");
    Long limit = s.number();
    if (limit == null || limit <= 0) {
      fail.accept(
          config.violation(
              s, config.name() + " lets a pod create unlimited processes: " + s.describe()));
    }
  }
}
