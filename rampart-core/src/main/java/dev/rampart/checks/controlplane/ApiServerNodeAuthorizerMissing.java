package dev.rampart.checks.controlplane;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.Snapshot;
import java.util.function.Consumer;

@CheckInfo(
    id = "apiserver-node-authorizer-missing",
    title = "API server does not restrict kubelets with the Node authorizer",
    severity = Severity.MEDIUM,
    category = Category.CONTROL_PLANE,
    frameworks = {"cis-k8s-1.9:1.2.7", "nsa-cisa:authentication-authorization"},
    why =
        """
        The Node authorizer limits each kubelet to the Secrets, ConfigMaps and volumes of the pods \
        scheduled on its own node. Without it, kubelet credentials are authorized by RBAC alone, \
        usually broadly: one compromised node reads the Secrets of the whole cluster.""",
    remediation =
        """
        Include Node in --authorization-mode on kube-apiserver, before RBAC: \
        --authorization-mode=Node,RBAC. Pair it with the NodeRestriction admission plugin.""",
    notes = "kube-bench (cfg/cis-1.9, 1.2.7) tests the same flag.")
public final class ApiServerNodeAuthorizerMissing extends ControlPlaneCheck {

  public ApiServerNodeAuthorizerMissing() {
    super(Component.KUBE_APISERVER);
  }

  @Override
  protected String notEvaluated(ControlPlanePod pod) {
    return AuthorizationModes.notEvaluated(pod);
  }

  @Override
  protected void check(
      ControlPlanePod pod, Snapshot snapshot, CheckContext context, Consumer<Violation> fail) {
    if (!AuthorizationModes.of(pod).contains("Node")) {
      Setting s = pod.setting("authorization-mode");
      fail.accept(
          pod.violation(s, pod.name() + " does not use the Node authorizer: " + s.describe()));
    }
  }
}
