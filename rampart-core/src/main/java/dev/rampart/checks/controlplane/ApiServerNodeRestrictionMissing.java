package dev.rampart.checks.controlplane;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.Snapshot;
import java.util.function.Consumer;

@CheckInfo(
    id = "apiserver-node-restriction-missing",
    title = "API server lets kubelets modify any node and pod",
    severity = Severity.HIGH,
    category = Category.CONTROL_PLANE,
    frameworks = {"cis-k8s-1.9:1.2.14", "nsa-cisa:authentication-authorization", "mitre:t1611"},
    why =
        """
        NodeRestriction limits each kubelet to its own Node object and the pods bound to it, and stops \
        it from setting labels that steer workloads. Without it, one compromised node can relabel \
        other nodes, attract sensitive pods and delete or alter pods anywhere.""",
    remediation =
        """
        Add NodeRestriction to --enable-admission-plugins on kube-apiserver, with the Node authorizer \
        in --authorization-mode.""",
    notes =
        """
        NodeRestriction is not on by default; kubeadm enables it. kube-bench (cfg/cis-1.9, 1.2.14) tests the same plugin.""")
public final class ApiServerNodeRestrictionMissing extends ControlPlaneCheck {

  public ApiServerNodeRestrictionMissing() {
    super(Component.KUBE_APISERVER);
  }

  @Override
  protected void check(
      ControlPlanePod pod, Snapshot snapshot, CheckContext context, Consumer<Violation> fail) {
    if (!pod.admissionPlugins().enabled("NodeRestriction")) {
      fail.accept(
          pod.admissionViolation(
              "NodeRestriction",
              pod.name() + " does not run the NodeRestriction admission plugin"));
    }
  }
}
