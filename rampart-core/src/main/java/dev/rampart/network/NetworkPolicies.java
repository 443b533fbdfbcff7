package dev.rampart.network;

import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Snapshot;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Kubernetes NetworkPolicies of a cluster, and their verdict on one connection, exactly as the
 * API defines it:
 *
 * <ul>
 *   <li>a pod is isolated for ingress (egress) when some policy of its namespace selects it and has
 *       that policy type; a pod no such policy selects allows everything in that direction;
 *   <li>policies add up: an isolated pod allows what at least one rule of one selecting policy
 *       admits;
 *   <li>a connection is allowed when the source's egress and the destination's ingress both allow
 *       it (on the same port);
 *   <li>ports are those of the destination: a named port resolves on the destination pod, for
 *       egress rules too.
 * </ul>
 *
 * This class evaluates one pair directly; {@link Reachability} answers for every pair at once.
 */
public final class NetworkPolicies {

  private final List<Policy> policies;
  private final Map<String, List<Policy>> byNamespace = new HashMap<>();

  public NetworkPolicies(List<Policy> policies) {
    this.policies = List.copyOf(policies);
    for (Policy p : this.policies) {
      byNamespace.computeIfAbsent(p.namespace(), k -> new ArrayList<>()).add(p);
    }
    byNamespace.replaceAll((k, v) -> Collections.unmodifiableList(v));
  }

  /** The {@code networking.k8s.io} NetworkPolicies of the snapshot (not those of CNI plugins). */
  public static NetworkPolicies of(Snapshot snapshot) {
    List<Policy> policies = new ArrayList<>();
    for (KubeObject o : snapshot.ofKind("NetworkPolicy")) {
      if (o.resource() instanceof NetworkPolicy) {
        policies.add(Policy.of(o));
      }
    }
    return new NetworkPolicies(policies);
  }

  public List<Policy> all() {
    return policies;
  }

  public List<Policy> inNamespace(String namespace) {
    return byNamespace.getOrDefault(namespace, List.of());
  }

  /** The policies that isolate {@code pod} in direction {@code d}. */
  public List<Policy> selecting(PodEndpoint pod, Direction d) {
    List<Policy> result = new ArrayList<>();
    for (Policy p : inNamespace(pod.namespace())) {
      if (p.selects(pod, d)) {
        result.add(p);
      }
    }
    return result;
  }

  /** The verdict on traffic from {@code from} to {@code to}, with the evidence. */
  public Decision decide(Endpoint from, Endpoint to) {
    List<PodPort> destinationPorts = to instanceof PodEndpoint p ? p.ports() : List.of();
    Side egress = side(Direction.EGRESS, from, to, destinationPorts);
    Side ingress = side(Direction.INGRESS, to, from, destinationPorts);
    return new Decision(
        from, to, egress, ingress, egress.ports().intersect(ingress.ports()), List.of());
  }

  /**
   * What direction {@code d} of {@code subject} allows to or from {@code other}.
   *
   * @param destinationPorts the container ports of the destination, for named ports
   */
  public Side side(Direction d, Endpoint subject, Endpoint other, List<PodPort> destinationPorts) {
    if (!(subject instanceof PodEndpoint pod)) {
      return new Side(d, subject, Side.Status.EXTERNAL, List.of(), List.of(), PortSet.ALL);
    }
    if (pod.hostNetwork()) {
      return new Side(d, subject, Side.Status.HOST_NETWORK, List.of(), List.of(), PortSet.ALL);
    }
    List<Policy> isolating = selecting(pod, d);
    if (isolating.isEmpty()) {
      return new Side(d, subject, Side.Status.NOT_ISOLATED, List.of(), List.of(), PortSet.ALL);
    }
    List<Side.Grant> grants = new ArrayList<>();
    PortSet ports = PortSet.NONE;
    for (Policy p : isolating) {
      for (Rule r : p.rules(d)) {
        if (r.matchesPeer(other)) {
          PortSet allowed = r.ports(destinationPorts);
          if (!allowed.isEmpty()) {
            grants.add(new Side.Grant(r, allowed));
            ports = ports.union(allowed);
          }
        }
      }
    }
    return new Side(d, subject, Side.Status.ISOLATED, isolating, grants, ports);
  }
}
