package dev.rampart.checks.node;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.KubeObject;
import java.util.function.Consumer;

@CheckInfo(
    id = "kubelet-streaming-timeout-disabled",
    title = "Kubelet never closes idle exec and port-forward streams",
    severity = Severity.LOW,
    category = Category.CONTROL_PLANE,
    frameworks = {"cis-k8s-1.9:4.2.5"},
    why =
        """
        With streamingConnectionIdleTimeout 0, exec, attach and port-forward sessions stay open \
        forever: forgotten sessions pile up, exhaust the node, and keep a foothold open after the \
        user's access is revoked.""",
    remediation =
        """
        Set streamingConnectionIdleTimeout in the kubelet configuration to a bounded duration such \
        as 5m (the default is 4h) and restart the kubelet.""",
    notes =
        "Read from the node's /configz. kube-bench (cfg/cis-1.9, 4.2.5) tests the same setting.")
public final class KubeletStreamingTimeoutDisabled extends KubeletCheck {

  @Override
  protected void check(
      KubeletConfig config, KubeObject node, CheckContext context, Consumer<Violation> fail) {
    KubeletSetting s = config.setting("streamingConnectionIdleTimeout");
    if (zero(s.text())) {
      fail.accept(
          config.violation(s, config.name() + " never times out idle streams: " + s.describe()));
    }
  }

  /** A Go duration of zero: {@code 0}, {@code 0s}, {@code 0h0m0s}. */
  static boolean zero(String duration) {
    return !duration.isEmpty() && duration.replaceAll("[0hms.]", "").isEmpty();
  }
}
