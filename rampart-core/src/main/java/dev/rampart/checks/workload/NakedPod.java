package dev.rampart.checks.workload;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.ObjectCheck;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Snapshot;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.util.List;
import java.util.function.Consumer;

@CheckInfo(
    id = "naked-pod",
    title = "Pod is not managed by a controller",
    severity = Severity.LOW,
    category = Category.WORKLOAD,
    frameworks = {"mitre:t1610"},
    why =
        """
        A Pod created on its own is not recreated when its node fails or it is evicted, and no \
        rollout, scaling or disruption budget applies to it. In a live cluster an unexpected bare \
        Pod is also what an intruder with create-pods permission leaves behind.""",
    remediation =
        """
        Run the pod through a controller: a Deployment or StatefulSet for services, a Job for \
        one-off tasks, a DaemonSet for per-node agents.""",
    notes =
        """
        A Pod passes when an ownerReference marks a controller (any kind: ReplicaSet, Job, an \
        operator's custom resource, the Node of a static pod) or when it is a kubelet mirror pod \
        (annotation kubernetes.io/config.mirror). The Polaris nakedPod fixtures belong to a custom \
        check that compares a label with the pod name; Rampart flags both of them, as neither Pod \
        has a controller.""")
public final class NakedPod extends ObjectCheck {

  public NakedPod() {
    super("Pod");
  }

  @Override
  protected void check(
      KubeObject pod, Snapshot snapshot, CheckContext context, Consumer<Violation> fail) {
    List<OwnerReference> owners = pod.resource().getMetadata().getOwnerReferences();
    boolean controlled =
        owners != null && owners.stream().anyMatch(o -> Boolean.TRUE.equals(o.getController()));
    if (!controlled && !MirrorPods.isMirror(pod)) {
      fail.accept(
          Violation.of(
              pod,
              "metadata.ownerReferences",
              "Pod " + pod.name() + " has no controller: nothing recreates it if it is lost"));
    }
  }
}
