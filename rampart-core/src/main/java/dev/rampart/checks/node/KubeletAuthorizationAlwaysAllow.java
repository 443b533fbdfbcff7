package dev.rampart.checks.node;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.KubeObject;
import java.util.function.Consumer;

@CheckInfo(
    id = "kubelet-authorization-always-allow",
    title = "Kubelet authorizes every request",
    severity = Severity.CRITICAL,
    category = Category.CONTROL_PLANE,
    frameworks = {
      "cis-k8s-1.9:4.2.2",
      "nsa-cisa:authentication-authorization",
      "mitre:t1609",
      "mitre:t1611"
    },
    why =
        """
        With authorization.mode AlwaysAllow, anyone who can authenticate to the kubelet (anyone at \
        all, when anonymous authentication is on) may exec into every container on the node, read \
        its logs and environment, and port-forward into it.""",
    remediation =
        """
        Set authorization.mode: Webhook in the kubelet configuration, so that the API server \
        decides each request with SubjectAccessReviews, and restart the kubelet.""",
    notes =
        """
        Read from the node's /configz. kube-bench (cfg/cis-1.9, 4.2.2) tests the same setting. The \
        command-line flag --authorization-mode defaults to AlwaysAllow, the config file field to \
        Webhook.""")
public final class KubeletAuthorizationAlwaysAllow extends KubeletCheck {

  @Override
  protected void check(
      KubeletConfig config, KubeObject node, CheckContext context, Consumer<Violation> fail) {
    KubeletSetting s = config.setting("authorization.mode");
    if (s.text().equalsIgnoreCase("AlwaysAllow")) {
      fail.accept(
          config.violation(s, config.name() + " authorizes every request: " + s.describe()));
    }
  }
}
