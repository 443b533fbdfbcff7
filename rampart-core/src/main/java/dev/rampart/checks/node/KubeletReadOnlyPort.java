package dev.rampart.checks.node;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.KubeObject;
import java.util.function.Consumer;

@CheckInfo(
    id = "kubelet-read-only-port",
    title = "Kubelet serves its unauthenticated read-only port",
    severity = Severity.MEDIUM,
    category = Category.CONTROL_PLANE,
    frameworks = {"cis-k8s-1.9:4.2.4", "nsa-cisa:authentication-authorization", "mitre:t1613"},
    why =
        """
        The read-only port (10255) answers without authentication or authorization: anyone who \
        reaches the node lists every pod on it with its full spec, environment variables included \
        (and the secrets people put there), and the node's metrics.""",
    remediation = "Set readOnlyPort: 0 in the kubelet configuration and restart the kubelet.",
    notes =
        """
        Read from the node's /configz. kube-bench (cfg/cis-1.9, 4.2.4) tests the same setting. The \
        command-line flag --read-only-port defaults to 10255, the config file field to 0.""")
public final class KubeletReadOnlyPort extends KubeletCheck {

  @Override
  protected void check(
      KubeletConfig config, KubeObject node, CheckContext context, Consumer<Violation> fail) {
    KubeletSetting s = config.setting("readOnlyPort");
    Long port = s.number();
    if (port == null || port != 0) {
      fail.accept(
          config.violation(
              s, config.name() + " serves the unauthenticated read-only API: " + s.describe()));
    }
  }
}
