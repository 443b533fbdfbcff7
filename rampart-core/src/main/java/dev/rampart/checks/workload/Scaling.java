package dev.rampart.checks.workload;

import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Snapshot;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.CrossVersionObjectReference;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.util.Objects;
import java.util.Optional;

/**
 * How many replicas a Deployment or StatefulSet keeps at least: its own {@code spec.replicas}
 * (default 1), unless a HorizontalPodAutoscaler of the snapshot scales it, whose {@code
 * minReplicas} (default 1) then decides.
 *
 * @param replicas {@code spec.replicas} as written, or null
 * @param autoscaler the HorizontalPodAutoscaler targeting the object, or null
 */
record Scaling(Integer replicas, KubeObject autoscaler, int minimum) {

  /** The scaling of {@code o}, or empty when it is not a Deployment or StatefulSet. */
  static Optional<Scaling> of(KubeObject o, Snapshot snapshot) {
    Integer replicas;
    if (o.resource() instanceof Deployment d) {
      replicas = d.getSpec() == null ? null : d.getSpec().getReplicas();
    } else if (o.resource() instanceof StatefulSet s) {
      replicas = s.getSpec() == null ? null : s.getSpec().getReplicas();
    } else {
      return Optional.empty();
    }
    for (KubeObject h : snapshot.ofKind("HorizontalPodAutoscaler")) {
      if (Objects.equals(h.namespace(), o.namespace())
          && h.resource() instanceof HorizontalPodAutoscaler hpa
          && hpa.getSpec() != null
          && targets(hpa.getSpec().getScaleTargetRef(), o)) {
        Integer min = hpa.getSpec().getMinReplicas();
        return Optional.of(new Scaling(replicas, h, min == null ? 1 : min));
      }
    }
    return Optional.of(new Scaling(replicas, null, replicas == null ? 1 : replicas));
  }

  private static boolean targets(CrossVersionObjectReference ref, KubeObject o) {
    return ref != null && o.kind().equals(ref.getKind()) && o.name().equals(ref.getName());
  }
}
