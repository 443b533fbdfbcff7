package dev.rampart.network;

import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.ObjectRef;
import dev.rampart.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A network policy of a CNI plugin or of a newer API (Cilium, Calico, Antrea, AdminNetworkPolicy)
 * that Rampart recognizes but does not evaluate. Such policies add to or override what Kubernetes
 * NetworkPolicies allow, so every namespace one covers is reported as not evaluated: never as open,
 * never as closed.
 *
 * @param engine who enforces it, e.g. {@code Cilium}
 * @param namespace the namespace it covers, or null when it is cluster-wide (it may cover every
 *     namespace)
 */
public record CniPolicy(ObjectRef ref, String engine, String namespace) {

  private record Kind(String group, String kind, String engine, boolean clusterWide) {}

  private static final List<Kind> KINDS =
      List.of(
          new Kind("cilium.io", "CiliumNetworkPolicy", "Cilium", false),
          new Kind("cilium.io", "CiliumClusterwideNetworkPolicy", "Cilium", true),
          new Kind("projectcalico.org", "NetworkPolicy", "Calico", false),
          new Kind("crd.projectcalico.org", "NetworkPolicy", "Calico", false),
          new Kind("projectcalico.org", "GlobalNetworkPolicy", "Calico", true),
          new Kind("crd.projectcalico.org", "GlobalNetworkPolicy", "Calico", true),
          new Kind("crd.antrea.io", "NetworkPolicy", "Antrea", false),
          new Kind("crd.antrea.io", "ClusterNetworkPolicy", "Antrea", true),
          new Kind("policy.networking.k8s.io", "AdminNetworkPolicy", "AdminNetworkPolicy", true),
          new Kind(
              "policy.networking.k8s.io",
              "BaselineAdminNetworkPolicy",
              "BaselineAdminNetworkPolicy",
              true));

  private static final Set<String> KIND_NAMES =
      Set.of(
          "CiliumNetworkPolicy",
          "CiliumClusterwideNetworkPolicy",
          "NetworkPolicy",
          "GlobalNetworkPolicy",
          "ClusterNetworkPolicy",
          "AdminNetworkPolicy",
          "BaselineAdminNetworkPolicy");

  /** Every recognized CNI policy of the snapshot. */
  public static List<CniPolicy> all(Snapshot snapshot) {
    List<CniPolicy> result = new ArrayList<>();
    for (String kindName : KIND_NAMES) {
      for (KubeObject o : snapshot.ofKind(kindName)) {
        String apiVersion = o.resource().getApiVersion();
        String group =
            apiVersion == null || apiVersion.indexOf('/') < 0
                ? ""
                : apiVersion.substring(0, apiVersion.indexOf('/'));
        for (Kind k : KINDS) {
          if (k.kind().equals(kindName) && k.group().equals(group)) {
            result.add(
                new CniPolicy(
                    o.ref(),
                    k.engine(),
                    k.clusterWide() ? null : Namespaces.nameOf(o.namespace())));
          }
        }
      }
    }
    return result;
  }

  public boolean covers(String ns) {
    return namespace == null || namespace.equals(ns);
  }

  /** {@code Cilium policy CiliumNetworkPolicy/payments/allow-db}. */
  public String describe() {
    return engine + " policy " + ref.display() + (namespace == null ? " (cluster-wide)" : "");
  }

  /** The sentence reports use for a namespace this policy covers. */
  public String reason(String ns) {
    return "namespace "
        + ns
        + ": "
        + describe()
        + " also applies, and Rampart does not evaluate "
        + engine
        + " policies";
  }
}
