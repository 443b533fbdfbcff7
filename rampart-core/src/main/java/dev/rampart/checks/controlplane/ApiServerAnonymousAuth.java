package dev.rampart.checks.controlplane;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.Snapshot;
import java.util.function.Consumer;

@CheckInfo(
    id = "apiserver-anonymous-auth",
    title = "API server accepts anonymous requests",
    severity = Severity.MEDIUM,
    category = Category.CONTROL_PLANE,
    frameworks = {"cis-k8s-1.9:1.2.1", "nsa-cisa:authentication-authorization", "mitre:t1078"},
    why =
        """
        With anonymous authentication on, every request without credentials reaches authorization \
        as system:anonymous in group system:unauthenticated. One careless binding to either (or an \
        authorizer that allows too much) then opens the API to anyone who can reach the port.""",
    remediation =
        """
        Set --anonymous-auth=false on kube-apiserver (in /etc/kubernetes/manifests/kube-apiserver.yaml \
        on each control-plane node, and in the kubeadm ClusterConfiguration apiServer.extraArgs so \
        upgrades keep it). Health probes that rely on anonymous /livez and /readyz then need \
        credentials, or keep anonymous auth and make sure nothing is bound to system:anonymous or \
        system:unauthenticated.""",
    notes =
        """
        Absent, the flag defaults to true in every Kubernetes version. kube-bench (cfg/cis-1.9, \
        1.2.1) tests the same flag. Anonymous access configured through --authentication-config \
        (1.31+) lives in a file on the host and is not visible.""")
public final class ApiServerAnonymousAuth extends ControlPlaneCheck {

  public ApiServerAnonymousAuth() {
    super(Component.KUBE_APISERVER);
  }

  @Override
  protected void check(
      ControlPlanePod pod, Snapshot snapshot, CheckContext context, Consumer<Violation> fail) {
    Setting s = pod.setting("anonymous-auth");
    if (!s.isFalse()) {
      fail.accept(pod.violation(s, pod.name() + " accepts anonymous requests: " + s.describe()));
    }
  }
}
