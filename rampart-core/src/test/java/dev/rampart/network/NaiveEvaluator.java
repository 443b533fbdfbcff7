package dev.rampart.network;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * NetworkPolicy read straight from the API reference, one connection at a time, written apart from
 * the engine (its own selectors, its own address arithmetic on {@link BigInteger}s) so that the
 * property test compares two independent readings of the specification.
 *
 * <p>Limited to what the generator produces: valid policies, pods with or without a known IP, a pod
 * network given by the nodes' pod CIDRs.
 */
final class NaiveEvaluator {

  private final List<NetworkPolicy> policies;
  private final Map<String, Map<String, String>> namespaceLabels = new HashMap<>();
  private final List<String> podNetwork;

  NaiveEvaluator(List<NetworkPolicy> policies, List<Namespace> namespaces, List<String> podCidrs) {
    this.policies = policies;
    for (Namespace n : namespaces) {
      Map<String, String> labels = new HashMap<>();
      if (n.getMetadata().getLabels() != null) {
        labels.putAll(n.getMetadata().getLabels());
      }
      labels.put("kubernetes.io/metadata.name", n.getMetadata().getName());
      namespaceLabels.put(n.getMetadata().getName(), labels);
    }
    this.podNetwork = podCidrs;
  }

  boolean allows(Pod src, Pod dst, String protocol, int port) {
    return direction(dst, src, dst, true, protocol, port)
        && direction(src, dst, dst, false, protocol, port);
  }

  /** Whether {@code subject}'s policies of one direction allow traffic with {@code other}. */
  private boolean direction(
      Pod subject, Pod other, Pod destination, boolean ingress, String protocol, int port) {
    if (Boolean.TRUE.equals(subject.getSpec().getHostNetwork())) {
      return true;
    }
    boolean isolated = false;
    for (NetworkPolicy p : policies) {
      if (!p.getMetadata().getNamespace().equals(subject.getMetadata().getNamespace())
          || !selects(p.getSpec().getPodSelector(), labels(subject))
          || !hasType(p, ingress)) {
        continue;
      }
      isolated = true;
      int rules = ingress ? size(p.getSpec().getIngress()) : size(p.getSpec().getEgress());
      for (int i = 0; i < rules; i++) {
        List<NetworkPolicyPeer> peers =
            ingress
                ? p.getSpec().getIngress().get(i).getFrom()
                : p.getSpec().getEgress().get(i).getTo();
        List<NetworkPolicyPort> ports =
            ingress
                ? p.getSpec().getIngress().get(i).getPorts()
                : p.getSpec().getEgress().get(i).getPorts();
        if (peerMatches(peers, other, p.getMetadata().getNamespace())
            && portMatches(ports, destination, protocol, port)) {
          return true;
        }
      }
    }
    return !isolated;
  }

  private static boolean hasType(NetworkPolicy p, boolean ingress) {
    List<String> types = p.getSpec().getPolicyTypes();
    if (types == null || types.isEmpty()) {
      return ingress || size(p.getSpec().getEgress()) > 0;
    }
    return types.contains(ingress ? "Ingress" : "Egress");
  }

  private boolean peerMatches(List<NetworkPolicyPeer> peers, Pod other, String policyNamespace) {
    if (peers == null || peers.isEmpty()) {
      return true;
    }
    for (NetworkPolicyPeer peer : peers) {
      if (peer.getIpBlock() != null) {
        if (ipBlockMatches(peer.getIpBlock(), other)) {
          return true;
        }
        continue;
      }
      if (Boolean.TRUE.equals(other.getSpec().getHostNetwork())) {
        continue;
      }
      String ns = other.getMetadata().getNamespace();
      boolean nsOk =
          peer.getNamespaceSelector() == null
              ? ns.equals(policyNamespace)
              : selects(peer.getNamespaceSelector(), namespaceLabels(ns));
      boolean podOk =
          peer.getPodSelector() == null || selects(peer.getPodSelector(), labels(other));
      if (nsOk && podOk) {
        return true;
      }
    }
    return false;
  }

  private Map<String, String> namespaceLabels(String ns) {
    return namespaceLabels.getOrDefault(ns, Map.of("kubernetes.io/metadata.name", ns));
  }

  /** A pod with an IP matches when the IP is in the block; otherwise every pod CIDR must be. */
  private boolean ipBlockMatches(IPBlock block, Pod pod) {
    if (Boolean.TRUE.equals(pod.getSpec().getHostNetwork())) {
      return false;
    }
    List<String> ranges =
        pod.getStatus() != null && pod.getStatus().getPodIP() != null
            ? List.of(pod.getStatus().getPodIP() + "/32")
            : podNetwork;
    if (ranges.isEmpty()) {
      return false;
    }
    for (String range : ranges) {
      BigInteger[] r = bounds(range);
      BigInteger[] c = bounds(block.getCidr());
      if (r[0].compareTo(c[0]) < 0 || r[1].compareTo(c[1]) > 0) {
        return false;
      }
      if (block.getExcept() != null) {
        for (String e : block.getExcept()) {
          BigInteger[] x = bounds(e);
          if (r[0].compareTo(x[1]) <= 0 && x[0].compareTo(r[1]) <= 0) {
            return false;
          }
        }
      }
    }
    return true;
  }

  /** First and last address of an IPv4 prefix. */
  private static BigInteger[] bounds(String cidr) {
    String[] parts = cidr.split("/");
    String[] octets = parts[0].split("\\.");
    BigInteger value = BigInteger.ZERO;
    for (String o : octets) {
      value = value.shiftLeft(8).add(BigInteger.valueOf(Integer.parseInt(o)));
    }
    int host = 32 - Integer.parseInt(parts[1]);
    BigInteger size = BigInteger.ONE.shiftLeft(host);
    BigInteger first = value.divide(size).multiply(size);
    return new BigInteger[] {first, first.add(size).subtract(BigInteger.ONE)};
  }

  private static boolean portMatches(
      List<NetworkPolicyPort> ports, Pod destination, String protocol, int port) {
    if (ports == null || ports.isEmpty()) {
      return true;
    }
    for (NetworkPolicyPort p : ports) {
      String proto = p.getProtocol() == null ? "TCP" : p.getProtocol();
      if (!proto.equals(protocol)) {
        continue;
      }
      if (p.getPort() == null) {
        return true;
      }
      if (p.getPort().getIntVal() != null) {
        int from = p.getPort().getIntVal();
        int to = p.getEndPort() == null ? from : p.getEndPort();
        if (port >= from && port <= to) {
          return true;
        }
        continue;
      }
      for (var c : destination.getSpec().getContainers()) {
        if (c.getPorts() == null) {
          continue;
        }
        for (ContainerPort cp : c.getPorts()) {
          String cpProto = cp.getProtocol() == null ? "TCP" : cp.getProtocol();
          if (p.getPort().getStrVal().equals(cp.getName())
              && cp.getContainerPort() == port
              && cpProto.equals(protocol)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static Map<String, String> labels(Pod pod) {
    return pod.getMetadata().getLabels() == null ? Map.of() : pod.getMetadata().getLabels();
  }

  private static boolean selects(LabelSelector s, Map<String, String> labels) {
    if (s == null) {
      return true;
    }
    if (s.getMatchLabels() != null) {
      for (var e : s.getMatchLabels().entrySet()) {
        if (!e.getValue().equals(labels.get(e.getKey()))) {
          return false;
        }
      }
    }
    if (s.getMatchExpressions() != null) {
      for (LabelSelectorRequirement r : s.getMatchExpressions()) {
        boolean has = labels.containsKey(r.getKey());
        boolean in = has && r.getValues() != null && r.getValues().contains(labels.get(r.getKey()));
        boolean ok =
            switch (r.getOperator()) {
              case "In" -> in;
              case "NotIn" -> !in;
              case "Exists" -> has;
              case "DoesNotExist" -> !has;
              default -> throw new IllegalArgumentException(r.getOperator());
            };
        if (!ok) {
          return false;
        }
      }
    }
    return true;
  }

  private static int size(List<?> list) {
    return list == null ? 0 : list.size();
  }
}
