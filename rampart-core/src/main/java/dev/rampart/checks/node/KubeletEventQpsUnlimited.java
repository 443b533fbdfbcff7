package dev.rampart.checks.node;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.KubeObject;
import java.util.function.Consumer;

@CheckInfo(
    id = "kubelet-event-qps-unlimited",
    title = "Kubelet creates events without a rate limit",
    severity = Severity.LOW,
    category = Category.CONTROL_PLANE,
    frameworks = {"cis-k8s-1.9:4.2.8"},
    why =
        """
        eventRecordQPS bounds how many events per second the kubelet creates. At 0 there is no \
        limit: a crash-looping or malicious pod can make the kubelet flood the API server and etcd \
        with events.""",
    remediation =
        """
        Set eventRecordQPS in the kubelet configuration to a level that captures what matters \
        without flooding (the default is 50), and restart the kubelet.""",
    notes =
        """
        Read from the node's /configz. CIS 4.2.8 asks for "an appropriate level" and warns that 0 \
        risks denial of service; kube-bench (cfg/cis-1.9, 4.2.8) accepts any value of 0 or more. \
        Rampart fails only 0 (unlimited), the one value that is never appropriate.""")
public final class KubeletEventQpsUnlimited extends KubeletCheck {

  @Override
  protected void check(
      KubeletConfig config, KubeObject node, CheckContext context, Consumer<Violation> fail) {
    KubeletSetting s = config.setting("eventRecordQPS");
    Long qps = s.number();
    if (qps != null && qps <= 0) {
      fail.accept(
          config.violation(
              s, config.name() + " creates events without a rate limit: " + s.describe()));
    }
  }
}
