package dev.rampart.checks.version;

import dev.rampart.checks.controlplane.ClusterObject;
import dev.rampart.checks.controlplane.Component;
import dev.rampart.checks.controlplane.ControlPlanePod;
import dev.rampart.checks.controlplane.ControlPlanePods;
import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Snapshot;
import io.fabric8.kubernetes.api.model.Node;
import java.util.Optional;

/**
 * The Kubernetes version of the API server and the evidence it was read from, best first: the API
 * server's own {@code /version} (live scans), the kube-apiserver static pod's image tag, or the
 * kubelet of a control-plane node (kubeadm upgrades them together). Files carry no {@code
 * /version}, so without the other two it is unknown.
 *
 * @param object the object the evidence is on (the cluster itself for {@code /version})
 * @param field where on it, e.g. {@code spec.containers[0].image}
 * @param evidence in words, for messages
 */
public record ServerVersion(Version version, KubeObject object, String field, String evidence) {

  static final String UNKNOWN =
      "the API server's version is unknown: files carry no /version, and the input has no"
          + " kube-apiserver pod or control-plane Node to read it from";

  public static Optional<ServerVersion> of(Snapshot snapshot) {
    String reported = snapshot.clusterInfo().serverVersion();
    Optional<Version> fromApi = Version.parse(reported);
    if (fromApi.isPresent()) {
      return Optional.of(
          new ServerVersion(
              fromApi.get(), ClusterObject.get(), "serverVersion", "the API server's /version"));
    }
    for (ControlPlanePod pod : ControlPlanePods.of(snapshot, Component.KUBE_APISERVER)) {
      if (pod.version() != null) {
        return Optional.of(
            new ServerVersion(
                pod.version(),
                pod.object(),
                pod.field("image"),
                "the kube-apiserver image tag of " + pod.object().ref().display()));
      }
    }
    for (KubeObject o : snapshot.ofKind("Node")) {
      if (controlPlane(o)) {
        Optional<Version> kubelet = kubeletVersion(o);
        if (kubelet.isPresent()) {
          return Optional.of(
              new ServerVersion(
                  kubelet.get(),
                  o,
                  "status.nodeInfo.kubeletVersion",
                  "the kubelet of control-plane node " + o.name()));
        }
      }
    }
    return Optional.empty();
  }

  static boolean controlPlane(KubeObject node) {
    return node.labels().containsKey("node-role.kubernetes.io/control-plane")
        || node.labels().containsKey("node-role.kubernetes.io/master");
  }

  static Optional<Version> kubeletVersion(KubeObject node) {
    return nodeInfo(node, "kubelet");
  }

  /** A version of {@code status.nodeInfo}: kubelet, kube-proxy, container runtime or kernel. */
  static Optional<Version> nodeInfo(KubeObject node, String which) {
    if (!(node.resource() instanceof Node n)
        || n.getStatus() == null
        || n.getStatus().getNodeInfo() == null) {
      return Optional.empty();
    }
    var info = n.getStatus().getNodeInfo();
    String text =
        switch (which) {
          case "kubelet" -> info.getKubeletVersion();
          case "kube-proxy" -> info.getKubeProxyVersion();
          case "kernel" -> info.getKernelVersion();
          default -> info.getContainerRuntimeVersion();
        };
    return Version.parse(text);
  }
}
