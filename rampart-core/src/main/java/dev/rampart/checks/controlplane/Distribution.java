package dev.rampart.checks.controlplane;

import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Snapshot;
import io.fabric8.kubernetes.api.model.Node;
import java.util.Locale;
import java.util.Map;

/**
 * Which Kubernetes distribution runs the cluster, as far as the API shows it, and the evidence.
 * Managed control planes (EKS, GKE, AKS), OpenShift (operators configure the API server) and k3s
 * (one process, no static pods) hide the control-plane flags: their checks are not applicable,
 * never failed or passed.
 *
 * <p>A cloud provider ID alone proves nothing: a self-managed kubeadm cluster on EC2 has {@code
 * aws:///} provider IDs too. Only marks that the managed service itself sets count: its node
 * labels, its version suffixes, its instance naming in the provider ID.
 *
 * @param object the object that gave the evidence (a Node), or the cluster itself
 */
public record Distribution(Kind kind, String evidence, KubeObject object) {

  public enum Kind {
    EKS("Amazon EKS", "AWS runs the control plane"),
    GKE("Google GKE", "Google runs the control plane"),
    AKS("Azure AKS", "Azure runs the control plane"),
    OPENSHIFT("OpenShift", "operators configure the control plane (KubeAPIServer and friends)"),
    K3S("k3s", "k3s runs the control plane inside its own process, without static pods"),
    RKE2("RKE2", "RKE2 runs the control plane as static pods"),
    SELF_MANAGED("self-managed", "");

    private final String title;
    private final String why;

    Kind(String title, String why) {
      this.title = title;
      this.why = why;
    }

    public String title() {
      return title;
    }
  }

  public static final Distribution SELF_MANAGED =
      new Distribution(Kind.SELF_MANAGED, "no managed-service marks", ClusterObject.get());

  private static final Map<String, Kind> NODE_LABELS =
      Map.of(
          "eks.amazonaws.com/nodegroup", Kind.EKS,
          "eks.amazonaws.com/compute-type", Kind.EKS,
          "cloud.google.com/gke-nodepool", Kind.GKE,
          "kubernetes.azure.com/cluster", Kind.AKS,
          "node.openshift.io/os_id", Kind.OPENSHIFT);

  /** Whether the control-plane flags are out of sight (and out of the user's hands). */
  public boolean hidesControlPlane() {
    return switch (kind) {
      case EKS, GKE, AKS, OPENSHIFT, K3S -> true;
      case RKE2, SELF_MANAGED -> false;
    };
  }

  public boolean managed() {
    return kind == Kind.EKS || kind == Kind.GKE || kind == Kind.AKS;
  }

  /** Why checks of {@code what} do not apply here, with the evidence. */
  public String reason(String what) {
    return kind.title
        + " detected ("
        + evidence
        + "): "
        + kind.why
        + "; "
        + what
        + " is not visible through the API and is the provider's responsibility";
  }

  /** Detected once per snapshot: every control-plane check with a missing component asks. */
  private static final Snapshot.Derivation<Distribution> DETECTED =
      new Snapshot.Derivation<>(Distribution::find);

  public static Distribution detect(Snapshot snapshot) {
    return snapshot.derive(DETECTED);
  }

  private static Distribution find(Snapshot snapshot) {
    for (KubeObject o : snapshot.ofKind("Node")) {
      Distribution d = fromNode(o);
      if (d != null) {
        return d;
      }
    }
    String server = snapshot.clusterInfo().serverVersion();
    Kind fromServer = fromVersion(server);
    if (fromServer != null) {
      return new Distribution(fromServer, "server version " + server, ClusterObject.get());
    }
    return SELF_MANAGED;
  }

  private static Distribution fromNode(KubeObject o) {
    for (Map.Entry<String, String> label : o.labels().entrySet()) {
      Kind k = NODE_LABELS.get(label.getKey());
      if (k != null) {
        return new Distribution(k, o.ref().display() + " label " + label.getKey(), o);
      }
    }
    if ("k3s".equals(o.labels().get("node.kubernetes.io/instance-type"))) {
      return new Distribution(
          Kind.K3S, o.ref().display() + " label node.kubernetes.io/instance-type=k3s", o);
    }
    if (o.resource() instanceof Node node) {
      String kubelet =
          node.getStatus() == null || node.getStatus().getNodeInfo() == null
              ? null
              : node.getStatus().getNodeInfo().getKubeletVersion();
      Kind k = fromVersion(kubelet);
      if (k != null) {
        return new Distribution(k, o.ref().display() + " kubelet " + kubelet, o);
      }
      String provider = node.getSpec() == null ? null : node.getSpec().getProviderID();
      k = fromProviderId(provider);
      if (k != null) {
        return new Distribution(k, o.ref().display() + " providerID " + provider, o);
      }
    }
    return null;
  }

  /**
   * Vendor builds mark their versions: v1.29.3-eks-adc7111, v1.28.9-gke.1000000, +k3s1, +rke2r1.
   */
  static Kind fromVersion(String version) {
    if (version == null) {
      return null;
    }
    String v = version.toLowerCase(Locale.ROOT);
    if (v.contains("-eks-")) {
      return Kind.EKS;
    }
    if (v.contains("-gke.")) {
      return Kind.GKE;
    }
    if (v.contains("+k3s")) {
      return Kind.K3S;
    }
    if (v.contains("+rke2")) {
      return Kind.RKE2;
    }
    return null;
  }

  /**
   * Only the provider-ID shapes a managed service creates: AKS nodes live in the {@code MC_...}
   * node resource group, GKE instances are named {@code gke-<cluster>-<pool>-...}.
   */
  static Kind fromProviderId(String providerId) {
    if (providerId == null) {
      return null;
    }
    String p = providerId.toLowerCase(Locale.ROOT);
    if (p.startsWith("azure://") && p.contains("/resourcegroups/mc_")) {
      return Kind.AKS;
    }
    if (p.startsWith("gce://") && p.substring(p.lastIndexOf('/') + 1).startsWith("gke-")) {
      return Kind.GKE;
    }
    return null;
  }
}
