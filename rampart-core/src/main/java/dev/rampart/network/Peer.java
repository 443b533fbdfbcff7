package dev.rampart.network;

import java.util.List;

/** One entry of a rule's {@code from} or {@code to}. */
public sealed interface Peer permits Peer.Pods, Peer.Block, Peer.Invalid {

  /**
   * Whether traffic at the other end, {@code e}, matches this peer of a policy in {@code
   * policyNamespace}.
   */
  boolean matches(Endpoint e, String policyNamespace);

  String describe(String policyNamespace);

  /**
   * {@code podSelector} and/or {@code namespaceSelector} in one peer: the pods matching the pod
   * selector in the namespaces matching the namespace selector (both must hold).
   *
   * @param namespaces null when absent: the policy's own namespace only; empty: every namespace
   * @param pods {@link Selector#ALL} when absent
   */
  record Pods(Selector namespaces, Selector pods) implements Peer {

    @Override
    public boolean matches(Endpoint e, String policyNamespace) {
      // Traffic of a hostNetwork pod carries the node's address, not a pod's: selectors do not
      // match it (what plugins do here is implementation-defined; none can tell it from the node).
      if (!(e instanceof PodEndpoint p) || p.hostNetwork()) {
        return false;
      }
      boolean namespace =
          namespaces == null
              ? p.namespace().equals(policyNamespace)
              : namespaces.matches(p.namespaceLabels());
      return namespace && pods.matches(p.labels());
    }

    @Override
    public String describe(String policyNamespace) {
      String who = pods.isEmpty() ? "all pods" : "pods " + pods.describe();
      if (namespaces == null) {
        return who + " in namespace " + policyNamespace;
      }
      if (namespaces.isEmpty()) {
        return who + " in all namespaces";
      }
      return who + " in namespaces " + namespaces.describe();
    }
  }

  /** {@code ipBlock}: addresses, pods' included (by their IPs). */
  record Block(IpBlock block) implements Peer {

    @Override
    public boolean matches(Endpoint e, String policyNamespace) {
      if (e instanceof ExternalEndpoint x) {
        return x.internet() ? block.hasPublicAddress() : allInside(x.ranges());
      }
      return allInside(((PodEndpoint) e).addresses());
    }

    /** Every address of the block's family in {@code ranges} is inside, and there is one. */
    private boolean allInside(List<Cidr> ranges) {
      boolean any = false;
      for (Cidr r : ranges) {
        if (r.ipv6() != block.cidr().ipv6()) {
          continue;
        }
        if (!block.containsAll(r)) {
          return false;
        }
        any = true;
      }
      return any;
    }

    @Override
    public String describe(String policyNamespace) {
      return "addresses " + block.describe();
    }
  }

  /** A peer the API server would reject (no selector and no ipBlock, a bad CIDR): matches none. */
  record Invalid(String problem) implements Peer {

    @Override
    public boolean matches(Endpoint e, String policyNamespace) {
      return false;
    }

    @Override
    public String describe(String policyNamespace) {
      return "nothing (" + problem + ")";
    }
  }
}
