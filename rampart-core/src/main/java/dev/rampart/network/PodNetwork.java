package dev.rampart.network;

import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Snapshot;
import dev.rampart.snapshot.Workload;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodIP;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Where pod addresses come from, as far as the snapshot tells: the controller manager's {@code
 * --cluster-cidr}, the nodes' {@code podCIDRs}, and the IPs of pods with a status. When none of
 * these is known, pods are assumed to have private addresses (RFC 1918, carrier-grade NAT, IPv6
 * unique local) — so an {@code ipBlock} matches a pod only when it holds every address the pod
 * could have.
 *
 * @param pods the prefixes pod IPs are drawn from
 * @param nodes the nodes' internal and external addresses (what {@code hostNetwork} pods use)
 * @param inferred whether {@code pods} came from the snapshot rather than the default assumption
 */
public record PodNetwork(List<Cidr> pods, List<Cidr> nodes, boolean inferred) {

  static final List<Cidr> ASSUMED =
      List.of(
          Cidr.parse("10.0.0.0/8"),
          Cidr.parse("172.16.0.0/12"),
          Cidr.parse("192.168.0.0/16"),
          Cidr.parse("100.64.0.0/10"),
          Cidr.parse("fc00::/7"));

  public PodNetwork {
    pods = List.copyOf(pods);
    nodes = List.copyOf(nodes);
  }

  public static PodNetwork of(Snapshot snapshot) {
    List<Cidr> pods = new ArrayList<>();
    for (Workload w : snapshot.workloads()) {
      if (w.spec().getContainers() != null) {
        for (Container c : w.spec().getContainers()) {
          clusterCidr(c.getCommand(), pods);
          clusterCidr(c.getArgs(), pods);
        }
      }
    }
    List<Cidr> nodes = new ArrayList<>();
    for (KubeObject o : snapshot.ofKind("Node")) {
      Node node = o.as(Node.class);
      if (node.getSpec() != null) {
        List<String> cidrs = node.getSpec().getPodCIDRs();
        if (cidrs == null || cidrs.isEmpty()) {
          cidrs =
              node.getSpec().getPodCIDR() == null
                  ? List.of()
                  : List.of(node.getSpec().getPodCIDR());
        }
        cidrs.forEach(c -> add(pods, c));
      }
      if (node.getStatus() != null && node.getStatus().getAddresses() != null) {
        for (NodeAddress a : node.getStatus().getAddresses()) {
          if ("InternalIP".equals(a.getType()) || "ExternalIP".equals(a.getType())) {
            add(nodes, a.getAddress());
          }
        }
      }
    }
    for (KubeObject o : snapshot.ofKind("Pod")) {
      Pod pod = o.as(Pod.class);
      boolean host = pod.getSpec() != null && Boolean.TRUE.equals(pod.getSpec().getHostNetwork());
      if (!host) {
        ips(pod).forEach(ip -> add(pods, ip));
      }
    }
    List<Cidr> minimal = minimal(pods);
    return minimal.isEmpty()
        ? new PodNetwork(ASSUMED, minimal(nodes), false)
        : new PodNetwork(minimal, minimal(nodes), true);
  }

  /** The IPs in a pod's status ({@code podIPs}, else {@code podIP}). */
  static List<String> ips(Pod pod) {
    List<String> ips = new ArrayList<>();
    if (pod.getStatus() == null) {
      return ips;
    }
    if (pod.getStatus().getPodIPs() != null) {
      for (PodIP ip : pod.getStatus().getPodIPs()) {
        if (ip.getIp() != null) {
          ips.add(ip.getIp());
        }
      }
    }
    if (ips.isEmpty() && pod.getStatus().getPodIP() != null) {
      ips.add(pod.getStatus().getPodIP());
    }
    return ips;
  }

  private static void clusterCidr(List<String> words, List<Cidr> out) {
    if (words == null) {
      return;
    }
    for (String w : words) {
      if (w != null && w.startsWith("--cluster-cidr=")) {
        for (String c : w.substring("--cluster-cidr=".length()).split(",")) {
          add(out, c);
        }
      }
    }
  }

  private static void add(List<Cidr> out, String text) {
    if (text != null && Cidr.isValid(text)) {
      out.add(Cidr.parse(text));
    }
  }

  /**
   * Drops duplicates and prefixes inside others, keeping the order of first appearance. Prefixes
   * nest or are disjoint, so a prefix lies inside another of the list exactly when one of its own
   * shorter prefixes is in the list: a lookup per prefix length the list uses, where comparing
   * every pair was quadratic in the pod IPs (seconds for a cluster of 50 000 pods).
   */
  static List<Cidr> minimal(List<Cidr> all) {
    Set<Cidr> distinct = new LinkedHashSet<>(all);
    SortedSet<Integer> v4Lengths = new TreeSet<>();
    SortedSet<Integer> v6Lengths = new TreeSet<>();
    for (Cidr c : distinct) {
      (c.ipv6() ? v6Lengths : v4Lengths).add(c.prefix());
    }
    List<Cidr> result = new ArrayList<>();
    for (Cidr c : distinct) {
      if (!insideAnother(c, distinct, c.ipv6() ? v6Lengths : v4Lengths)) {
        result.add(c);
      }
    }
    return result;
  }

  private static boolean insideAnother(Cidr c, Set<Cidr> all, SortedSet<Integer> lengths) {
    for (int length : lengths.headSet(c.prefix())) {
      // The constructor keeps only the network bits: this is c's enclosing prefix of that length.
      if (all.contains(new Cidr(c.ipv6(), c.hi(), c.lo(), length))) {
        return true;
      }
    }
    return false;
  }
}
