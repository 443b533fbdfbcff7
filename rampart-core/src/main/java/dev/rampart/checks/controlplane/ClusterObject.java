package dev.rampart.checks.controlplane;

import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Origin;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;

/**
 * The cluster as an object, for verdicts about the cluster itself that no object in the snapshot
 * carries: the server version reported by {@code /version}, a managed control plane known only from
 * that version. Reports show it as {@code Cluster/cluster}.
 */
public final class ClusterObject {

  public static final String API_VERSION = "rampart.dev/v1";
  public static final String KIND = "Cluster";

  private static final KubeObject INSTANCE = create();

  private ClusterObject() {}

  public static KubeObject get() {
    return INSTANCE;
  }

  private static KubeObject create() {
    GenericKubernetesResource r = new GenericKubernetesResource();
    r.setApiVersion(API_VERSION);
    r.setKind(KIND);
    r.setMetadata(new ObjectMetaBuilder().withName("cluster").build());
    return new KubeObject(r, Origin.UNKNOWN);
  }
}
