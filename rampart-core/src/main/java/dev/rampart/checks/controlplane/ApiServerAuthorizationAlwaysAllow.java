package dev.rampart.checks.controlplane;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.Snapshot;
import java.util.function.Consumer;

@CheckInfo(
    id = "apiserver-authorization-always-allow",
    title = "API server authorizes every request",
    severity = Severity.CRITICAL,
    category = Category.CONTROL_PLANE,
    frameworks = {
      "cis-k8s-1.9:1.2.6",
      "nsa-cisa:authentication-authorization",
      "mitre:t1078",
      "mitre:t1609"
    },
    why =
        """
        The AlwaysAllow authorizer lets every authenticated request do anything: every service \
        account token, every node, and (with anonymous auth) every unauthenticated caller is \
        cluster-admin.""",
    remediation =
        """
        Set --authorization-mode=Node,RBAC on kube-apiserver and grant what users and workloads need \
        through RBAC.""",
    notes =
        """
        Absent, --authorization-mode defaults to AlwaysAllow in every Kubernetes version, so a \
        missing flag fails too. With --authorization-config (1.29+) the authorizers live in a file \
        and the check reports not evaluated. kube-bench (cfg/cis-1.9, 1.2.6) tests the same flag.""")
public final class ApiServerAuthorizationAlwaysAllow extends ControlPlaneCheck {

  public ApiServerAuthorizationAlwaysAllow() {
    super(Component.KUBE_APISERVER);
  }

  @Override
  protected String notEvaluated(ControlPlanePod pod) {
    return AuthorizationModes.notEvaluated(pod);
  }

  @Override
  protected void check(
      ControlPlanePod pod, Snapshot snapshot, CheckContext context, Consumer<Violation> fail) {
    if (AuthorizationModes.of(pod).contains("AlwaysAllow")) {
      Setting s = pod.setting("authorization-mode");
      fail.accept(
          pod.violation(
              s, pod.name() + " authorizes every request with AlwaysAllow: " + s.describe()));
    }
  }
}
