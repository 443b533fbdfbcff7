package dev.rampart.network;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a namespace denies one direction by default: some policy with an empty {@code
 * podSelector} isolates every pod (present and future) for that direction, and no such
 * namespace-wide policy opens it again to everything on every port.
 *
 * @param denying the namespace-wide policies that isolate every pod
 * @param opening a namespace-wide rule that allows everything anyway, or null
 * @param unisolated the workloads no policy isolates for this direction
 */
public record NamespaceIsolation(
    String namespace,
    Direction direction,
    List<Policy> denying,
    Rule opening,
    List<PodEndpoint> unisolated) {

  public NamespaceIsolation {
    denying = List.copyOf(denying);
    unisolated = List.copyOf(unisolated);
  }

  public static NamespaceIsolation of(Network network, String namespace, Direction d) {
    List<Policy> denying = new ArrayList<>();
    Rule opening = null;
    for (Policy p : network.policies().inNamespace(namespace)) {
      if (p.affects(d) && p.podSelector().isEmpty()) {
        denying.add(p);
        for (Rule r : p.rules(d)) {
          if (opening == null && allowsEverything(r)) {
            opening = r;
          }
        }
      }
    }
    List<PodEndpoint> unisolated = new ArrayList<>();
    for (PodEndpoint e : network.endpointsIn(namespace)) {
      if (!e.hostNetwork() && network.policies().selecting(e, d).isEmpty()) {
        unisolated.add(e);
      }
    }
    return new NamespaceIsolation(namespace, d, denying, opening, unisolated);
  }

  public boolean deniesByDefault() {
    return !denying.isEmpty() && opening == null;
  }

  /**
   * Whether a rule allows every port to or from anywhere: no peers, an {@code ipBlock} of a whole
   * address family ({@code 0.0.0.0/0}, {@code ::/0}, with or without exceptions: the internet), or
   * every pod of every namespace ({@code namespaceSelector: {}} and no pod selector terms).
   */
  public static boolean allowsEverything(Rule r) {
    return r.ports().isEmpty() && anywhere(r) != null;
  }

  /** How a rule's peers cover "anywhere", in words, or null when they do not. */
  public static String anywhere(Rule r) {
    if (r.peers().isEmpty()) {
      return r.direction() == Direction.INGRESS
          ? "no from: every source"
          : "no to: every destination";
    }
    for (Peer p : r.peers()) {
      if (p instanceof Peer.Block b && b.block().cidr().prefix() == 0) {
        return "ipBlock " + b.block().describe() + ": the whole internet";
      }
      if (p instanceof Peer.Pods pods
          && pods.namespaces() != null
          && pods.namespaces().isEmpty()
          && pods.pods().isEmpty()) {
        return "namespaceSelector {}: every pod of every namespace";
      }
    }
    return null;
  }
}
