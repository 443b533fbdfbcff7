package dev.rampart.checks.controlplane;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.Snapshot;
import java.util.function.Consumer;

@CheckInfo(
    id = "apiserver-rbac-disabled",
    title = "API server does not use RBAC",
    severity = Severity.HIGH,
    category = Category.CONTROL_PLANE,
    frameworks = {"cis-k8s-1.9:1.2.8", "nsa-cisa:authentication-authorization"},
    why =
        """
        Without the RBAC authorizer, Roles and bindings have no effect: access is decided by \
        whatever other authorizer is configured (ABAC files, webhooks, or AlwaysAllow), none of \
        which the cluster's own RBAC objects describe.""",
    remediation =
        "Include RBAC in --authorization-mode on kube-apiserver: --authorization-mode=Node,RBAC.",
    notes = "kube-bench (cfg/cis-1.9, 1.2.8) tests the same flag.")
public final class ApiServerRbacDisabled extends ControlPlaneCheck {

  public ApiServerRbacDisabled() {
    super(Component.KUBE_APISERVER);
  }

  @Override
  protected String notEvaluated(ControlPlanePod pod) {
    return AuthorizationModes.notEvaluated(pod);
  }

  @Override
  protected void check(
      ControlPlanePod pod, Snapshot snapshot, CheckContext context, Consumer<Violation> fail) {
    if (!AuthorizationModes.of(pod).contains("RBAC")) {
      Setting s = pod.setting("authorization-mode");
      fail.accept(pod.violation(s, pod.name() + " does not use RBAC: " + s.describe()));
    }
  }
}
