package dev.rampart.network;

import dev.rampart.snapshot.KubeObject;
import java.util.List;
import java.util.Map;

/**
 * The pods of one workload (or one pod), as NetworkPolicy sees them: their namespace and its
 * labels, their labels, the ports their containers declare, and the addresses an {@code ipBlock}
 * would see.
 *
 * @param object the workload (or pod) as read, which findings and answers name
 * @param namespaceLabels the namespace's labels, including the automatic {@code
 *     kubernetes.io/metadata.name}
 * @param addresses the pods' own IPs when known, otherwise the pod network they are drawn from (for
 *     {@code hostNetwork} pods: the nodes' addresses)
 * @param hostNetwork whether the pods use the node's network namespace, where NetworkPolicy does
 *     not apply
 */
public record PodEndpoint(
    KubeObject object,
    String namespace,
    Map<String, String> labels,
    Map<String, String> namespaceLabels,
    List<PodPort> ports,
    List<Cidr> addresses,
    boolean hostNetwork)
    implements Endpoint {

  public PodEndpoint {
    labels = Map.copyOf(labels);
    namespaceLabels = Map.copyOf(namespaceLabels);
    ports = List.copyOf(ports);
    addresses = List.copyOf(addresses);
  }

  public String kind() {
    return object.kind();
  }

  public String name() {
    return object.name();
  }

  @Override
  public String display() {
    return namespace + "/" + object.kind() + "/" + object.name();
  }

  @Override
  public String toString() {
    return display();
  }
}
