package dev.rampart.checks.node;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.KubeObject;
import java.util.function.Consumer;

@CheckInfo(
    id = "kubelet-anonymous-auth",
    title = "Kubelet accepts anonymous requests",
    severity = Severity.HIGH,
    category = Category.CONTROL_PLANE,
    frameworks = {"cis-k8s-1.9:4.2.1", "nsa-cisa:authentication-authorization", "mitre:t1609"},
    why =
        """
        The kubelet API (port 10250) runs commands in containers, streams logs and lists every pod \
        on the node. With anonymous authentication on, unauthenticated callers reach its authorizer \
        as system:anonymous; with a permissive authorizer that is remote code execution on every \
        pod of the node.""",
    remediation =
        """
        Set authentication.anonymous.enabled: false in the kubelet configuration \
        (/var/lib/kubelet/config.yaml, or the kubeadm kubelet-config ConfigMap) and restart the \
        kubelet; keep authentication.webhook.enabled: true.""",
    notes =
        """
        Read from the node's /configz (effective values). kube-bench (cfg/cis-1.9, 4.2.1) tests the \
        same setting. The command-line flag --anonymous-auth defaults to true, the config file field \
        to false.""")
public final class KubeletAnonymousAuth extends KubeletCheck {

  @Override
  protected void check(
      KubeletConfig config, KubeObject node, CheckContext context, Consumer<Violation> fail) {
    KubeletSetting s = config.setting("authentication.anonymous.enabled");
    if (!s.isFalse()) {
      fail.accept(
          config.violation(s, config.name() + " accepts anonymous requests: " + s.describe()));
    }
  }
}
