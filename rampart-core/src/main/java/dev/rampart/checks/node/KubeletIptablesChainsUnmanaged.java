package dev.rampart.checks.node;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.KubeObject;
import java.util.function.Consumer;

@CheckInfo(
    id = "kubelet-iptables-chains-unmanaged",
    title = "Kubelet does not manage its iptables chains",
    severity = Severity.LOW,
    category = Category.CONTROL_PLANE,
    frameworks = {"cis-k8s-1.9:4.2.6", "nsa-cisa:network-separation"},
    why =
        """
        With makeIPTablesUtilChains false the kubelet leaves its utility chains (KUBE-FIREWALL and \
        friends) to others; if nobody maintains them, the drop rules that protect pods and \
        localhost-bound services from the network may be missing.""",
    remediation =
        "Set makeIPTablesUtilChains: true in the kubelet configuration and restart the kubelet.",
    notes =
        """
        Read from the node's /configz. kube-bench (cfg/cis-1.9, 4.2.6) tests the same setting. Not \
        applicable to Windows nodes.""")
public final class KubeletIptablesChainsUnmanaged extends KubeletCheck {

  @Override
  protected String notApplicable(KubeletConfig config, KubeObject node) {
    return windows(node) ? "Windows nodes have no iptables" : null;
  }

  @Override
  protected void check(
      KubeletConfig config, KubeObject node, CheckContext context, Consumer<Violation> fail) {
    KubeletSetting s = config.setting("makeIPTablesUtilChains");
    if (s.isFalse()) {
      fail.accept(
          config.violation(
              s, config.name() + " does not manage its iptables chains: " + s.describe()));
    }
  }
}
