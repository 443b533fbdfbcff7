package dev.rampart.checks.workload;

import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Snapshot;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.CrossVersionObjectReference;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.util.HashMap;
import java.util.Map;
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

  /** The HorizontalPodAutoscalers of {@code snapshot}, by the object each one scales. */
  static Map<String, KubeObject> autoscalers(Snapshot snapshot) {
    Map<String, KubeObject> byTarget = new HashMap<>();
    for (KubeObject h : snapshot.ofKind("HorizontalPodAutoscaler")) {
      if (h.resource() instanceof HorizontalPodAutoscaler hpa
          && hpa.getSpec() != null
          && hpa.getSpec().getScaleTargetRef() != null) {
        CrossVersionObjectReference ref = hpa.getSpec().getScaleTargetRef();
        byTarget.putIfAbsent(key(h.namespace(), ref.getKind(), ref.getName()), h);
      }
    }
    return byTarget;
  }

  /**
   * The scaling of {@code o}, or empty when it is not a Deployment or StatefulSet.
   *
   * @param autoscalers the snapshot's {@link #autoscalers}
   */
  static Optional<Scaling> of(KubeObject o, Map<String, KubeObject> autoscalers) {
    Integer replicas;
    if (o.resource() instanceof Deployment d) {
      replicas = d.getSpec() == null ? null : d.getSpec().getReplicas();
    } else if (o.resource() instanceof StatefulSet s) {
      replicas = s.getSpec() == null ? null : s.getSpec().getReplicas();
    } else {
      return Optional.empty();
    }
    KubeObject h = autoscalers.get(key(o.namespace(), o.kind(), o.name()));
    if (h != null) {
      Integer min = ((HorizontalPodAutoscaler) h.resource()).getSpec().getMinReplicas();
      return Optional.of(new Scaling(replicas, h, min == null ? 1 : min));
    }
    return Optional.of(new Scaling(replicas, null, replicas == null ? 1 : replicas));
  }

  private static String key(String namespace, String kind, String name) {
    return (namespace == null ? "" : namespace) + '/' + kind + '/' + name;
  }
}
