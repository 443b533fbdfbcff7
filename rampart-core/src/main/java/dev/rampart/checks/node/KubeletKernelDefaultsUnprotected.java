package dev.rampart.checks.node;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.KubeObject;
import java.util.function.Consumer;

@CheckInfo(
    id = "kubelet-kernel-defaults-unprotected",
    title = "Kubelet may change kernel settings it expects",
    severity = Severity.LOW,
    category = Category.CONTROL_PLANE,
    frameworks = {"nsa-cisa:worker-node-hardening"},
    why =
        """
        With protectKernelDefaults false, the kubelet silently changes kernel parameters \
        (vm.overcommit_memory, kernel.panic...) to the values it wants instead of failing when the \
        node's hardening set them otherwise: the node's own hardening is undone without notice.""",
    remediation =
        """
        Set the kernel parameters the kubelet expects in the node's sysctl configuration, then set \
        protectKernelDefaults: true in the kubelet configuration and restart the kubelet.""",
    notes =
        """
        Read from the node's /configz. Earlier CIS Kubernetes benchmarks had this control \
        (--protect-kernel-defaults); CIS 1.8 and 1.9 dropped it. Not applicable to Windows nodes.""")
public final class KubeletKernelDefaultsUnprotected extends KubeletCheck {

  @Override
  protected String notApplicable(KubeletConfig config, KubeObject node) {
    return windows(node) ? "Windows nodes have no Linux kernel parameters" : null;
  }

  @Override
  protected void check(
      KubeletConfig config, KubeObject node, CheckContext context, Consumer<Violation> fail) {
    KubeletSetting s = config.setting("protectKernelDefaults");
    if (!s.isTrue()) {
      fail.accept(
          config.violation(s, config.name() + " may override kernel settings: " + s.describe()));
    }
  }
}
