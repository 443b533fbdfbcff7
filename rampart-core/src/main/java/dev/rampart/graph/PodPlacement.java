package dev.rampart.graph;

import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Snapshot;
import dev.rampart.snapshot.Workload;
import dev.rampart.snapshot.Workloads;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the pods of each workload run, when the snapshot has the Pods (a live cluster, a snapshot,
 * {@code kubectl get -A -o yaml}): each scheduled Pod is followed up its controllers (Pod,
 * ReplicaSet, Deployment; Pod, Job, CronJob) to the workload it belongs to. A workload whose pods
 * are known runs on their nodes only, instead of on any node: that is both what the cluster shows
 * and what keeps the graph linear in its size (nodes times service accounts otherwise).
 */
final class PodPlacement {

  /** Owner chains are at most Pod, ReplicaSet, Deployment; a cycle must not loop. */
  private static final int MAX_DEPTH = 4;

  /** Per workload object: node name to the first of its pods there, in snapshot order. */
  private final Map<KubeObject, Map<String, String>> byWorkload = new IdentityHashMap<>();

  private PodPlacement() {}

  static PodPlacement of(Snapshot snapshot) {
    PodPlacement placement = new PodPlacement();
    for (KubeObject o : snapshot.ofKind("Pod")) {
      if (!(o.resource() instanceof Pod pod) || pod.getSpec() == null) {
        continue;
      }
      String node = pod.getSpec().getNodeName();
      if (node == null || node.isEmpty()) {
        continue;
      }
      KubeObject top = topController(snapshot, o);
      placement
          .byWorkload
          .computeIfAbsent(top, k -> new LinkedHashMap<>())
          .putIfAbsent(node, o.ref().display());
    }
    return placement;
  }

  private static KubeObject topController(Snapshot snapshot, KubeObject o) {
    KubeObject current = o;
    for (int depth = 0; depth < MAX_DEPTH; depth++) {
      KubeObject owner = controller(snapshot, current);
      if (owner == null) {
        break;
      }
      current = owner;
    }
    return current;
  }

  private static KubeObject controller(Snapshot snapshot, KubeObject o) {
    List<OwnerReference> owners = o.resource().getMetadata().getOwnerReferences();
    if (owners == null) {
      return null;
    }
    for (OwnerReference owner : owners) {
      if (Boolean.TRUE.equals(owner.getController()) && Workloads.KINDS.contains(owner.getKind())) {
        return snapshot.find(owner.getKind(), o.namespace(), owner.getName()).orElse(null);
      }
    }
    return null;
  }

  /** Whether the nodes the pods of {@code w} run on are known. */
  boolean knows(Workload w) {
    return byWorkload.containsKey(w.object());
  }

  /** Node name to a pod of {@code w} that runs there; empty when unknown. */
  Map<String, String> nodes(Workload w) {
    return byWorkload.getOrDefault(w.object(), Map.of());
  }
}
