package dev.rampart.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Origin;
import dev.rampart.snapshot.Snapshot;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The grouped engine ({@link Reachability}) and the direct evaluation ({@link
 * NetworkPolicies#decide}) agree with a naive pairwise evaluator, written independently, on random
 * clusters: for every ordered pair of pods, on every port that matters.
 */
class GroupedEnginePropertyTest {

  private static final List<String> NAMESPACES = List.of("a", "b", "c");
  private static final List<String> KEYS = List.of("app", "tier");
  private static final List<String> VALUES = List.of("web", "db", "x");
  private static final List<String> NODE_CIDRS = List.of("10.244.1.0/24", "10.244.2.0/24");
  private static final List<String> POD_IPS = List.of("10.244.1.5", "10.244.2.9", "10.244.1.200");
  private static final List<String[]> BLOCKS =
      List.of(
          new String[] {"10.244.0.0/16"},
          new String[] {"10.244.1.0/24"},
          new String[] {"10.0.0.0/8", "10.244.2.0/24"},
          new String[] {"0.0.0.0/0", "10.244.1.5/32"},
          new String[] {"10.244.1.5/32"},
          new String[] {"192.168.0.0/16"});
  private static final List<Object[]> CONTAINER_PORTS =
      List.of(
          new Object[] {"http", 80, "TCP"},
          new Object[] {"http", 8080, "TCP"},
          new Object[] {"dns", 53, "UDP"},
          new Object[] {"pg", 5432, "TCP"},
          new Object[] {"sig", 3868, "SCTP"},
          new Object[] {"dns", 53, "TCP"});
  private static final List<String> PROTOCOLS = List.of("TCP", "UDP", "SCTP");
  private static final int[] PROBES = {
    1, 53, 79, 80, 81, 3868, 5432, 8080, 30000, 30003, 30004, 65535
  };

  @Property(tries = 400)
  void groupedAndDirectAgreeWithTheNaiveEvaluator(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 9) int podCount,
      @ForAll @IntRange(min = 0, max = 6) int policyCount) {
    Random random = new Random(seed);
    List<Namespace> namespaces = new ArrayList<>();
    List<HasMetadata> objects = new ArrayList<>();
    for (String ns : NAMESPACES) {
      if (random.nextInt(3) > 0) {
        Namespace n =
            new NamespaceBuilder()
                .withNewMetadata()
                .withName(ns)
                .withLabels(labels(random))
                .endMetadata()
                .build();
        namespaces.add(n);
        objects.add(n);
      }
    }
    for (int i = 0; i < NODE_CIDRS.size(); i++) {
      objects.add(
          new NodeBuilder()
              .withNewMetadata()
              .withName("n" + i)
              .endMetadata()
              .withNewSpec()
              .withPodCIDR(NODE_CIDRS.get(i))
              .withPodCIDRs(NODE_CIDRS.get(i))
              .endSpec()
              .build());
    }
    List<Pod> pods = new ArrayList<>();
    for (int i = 0; i < podCount; i++) {
      Pod pod = pod(random, "p" + i);
      pods.add(pod);
      objects.add(pod);
    }
    List<NetworkPolicy> policies = new ArrayList<>();
    for (int i = 0; i < policyCount; i++) {
      NetworkPolicy p = policy(random, "np" + i);
      policies.add(p);
      objects.add(p);
    }
    List<KubeObject> kube = objects.stream().map(o -> new KubeObject(o, Origin.UNKNOWN)).toList();
    Network network = Network.of(new Snapshot("random", kube, List.of()));
    NaiveEvaluator naive = new NaiveEvaluator(policies, namespaces, NODE_CIDRS);

    Map<Pod, PodEndpoint> endpoints = new IdentityHashMap<>();
    for (KubeObject o : kube) {
      if (o.resource() instanceof Pod p) {
        endpoints.put(p, network.endpoint(o).orElseThrow());
      }
    }
    Reachability grouped = network.reachability();
    for (int a = 0; a < grouped.classCount(); a++) {
      java.util.BitSet reachable = grouped.reachableClasses(a);
      for (int b = 0; b < grouped.classCount(); b++) {
        assertThat(reachable.get(b))
            .as("reachable classes %d -> %d (seed %d)", a, b, seed)
            .isEqualTo(!grouped.ports(a, b).isEmpty());
      }
    }
    for (Pod a : pods) {
      for (Pod b : pods) {
        PodEndpoint ea = endpoints.get(a);
        PodEndpoint eb = endpoints.get(b);
        PortSet fast = grouped.ports(ea, eb);
        PortSet direct = network.decide(ea, eb).ports();
        assertThat(direct)
            .as("direct vs grouped, %s -> %s (seed %d)", ea, eb, seed)
            .isEqualTo(fast);
        for (String proto : PROTOCOLS) {
          for (int port : PROBES) {
            boolean expected = naive.allows(a, b, proto, port);
            assertThat(fast.contains(Protocol.valueOf(proto), port))
                .as("%s -> %s %s/%d (seed %d)", ea, eb, proto, port, seed)
                .isEqualTo(expected);
          }
        }
      }
    }
  }

  private static Map<String, String> labels(Random random) {
    Map<String, String> labels = new HashMap<>();
    for (String k : KEYS) {
      if (random.nextBoolean()) {
        labels.put(k, pick(random, VALUES));
      }
    }
    return labels;
  }

  private static Pod pod(Random random, String name) {
    List<ContainerPort> ports = new ArrayList<>();
    for (Object[] p : CONTAINER_PORTS) {
      if (random.nextInt(3) == 0 && ports.stream().noneMatch(x -> x.getName().equals(p[0]))) {
        ports.add(
            new ContainerPortBuilder()
                .withName((String) p[0])
                .withContainerPort((Integer) p[1])
                .withProtocol((String) p[2])
                .build());
      }
    }
    PodBuilder b =
        new PodBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(pick(random, NAMESPACES))
            .withLabels(labels(random))
            .endMetadata()
            .withNewSpec()
            .withHostNetwork(random.nextInt(8) == 0 ? Boolean.TRUE : null)
            .addNewContainer()
            .withName("c")
            .withImage("app:1")
            .withPorts(ports)
            .endContainer()
            .endSpec();
    if (random.nextInt(3) == 0) {
      b.withNewStatus().withPodIP(pick(random, POD_IPS)).endStatus();
    }
    return b.build();
  }

  private static NetworkPolicy policy(Random random, String name) {
    List<String> types = new ArrayList<>();
    switch (random.nextInt(4)) {
      case 0 -> {}
      case 1 -> types.add("Ingress");
      case 2 -> types.add("Egress");
      default -> {
        types.add("Ingress");
        types.add("Egress");
      }
    }
    List<NetworkPolicyIngressRule> ingress = new ArrayList<>();
    int in = random.nextInt(4) - 1;
    for (int i = 0; i < in; i++) {
      ingress.add(new NetworkPolicyIngressRule(peers(random), ports(random)));
    }
    List<NetworkPolicyEgressRule> egress = new ArrayList<>();
    int out = random.nextInt(4) - 1;
    for (int i = 0; i < out; i++) {
      egress.add(new NetworkPolicyEgressRule(ports(random), peers(random)));
    }
    return new NetworkPolicyBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(pick(random, NAMESPACES))
        .endMetadata()
        .withNewSpec()
        .withPodSelector(selector(random))
        .withPolicyTypes(types.isEmpty() ? null : types)
        .withIngress(in < 0 ? null : ingress)
        .withEgress(out < 0 ? null : egress)
        .endSpec()
        .build();
  }

  private static List<NetworkPolicyPeer> peers(Random random) {
    List<NetworkPolicyPeer> peers = new ArrayList<>();
    int n = random.nextInt(3);
    for (int i = 0; i < n; i++) {
      NetworkPolicyPeer p = new NetworkPolicyPeer();
      switch (random.nextInt(4)) {
        case 0 -> p.setPodSelector(selector(random));
        case 1 -> p.setNamespaceSelector(selector(random));
        case 2 -> {
          p.setPodSelector(selector(random));
          p.setNamespaceSelector(selector(random));
        }
        default -> {
          String[] block = pick(random, BLOCKS);
          p.setIpBlock(new IPBlock(block[0], block.length > 1 ? List.of(block[1]) : null));
        }
      }
      peers.add(p);
    }
    return peers;
  }

  private static List<NetworkPolicyPort> ports(Random random) {
    List<NetworkPolicyPort> ports = new ArrayList<>();
    int n = random.nextInt(3);
    for (int i = 0; i < n; i++) {
      String protocol = random.nextInt(3) == 0 ? null : pick(random, PROTOCOLS);
      NetworkPolicyPort p = new NetworkPolicyPort();
      p.setProtocol(protocol);
      switch (random.nextInt(4)) {
        case 0 ->
            p.setPort(new IntOrString(pick(random, List.of("http", "dns", "pg", "sig", "none"))));
        case 1 -> p.setPort(new IntOrString(pick(random, List.of(53, 80, 5432, 8080))));
        case 2 -> {
          p.setPort(new IntOrString(30000));
          p.setEndPort(30000 + random.nextInt(5));
        }
        default -> {}
      }
      ports.add(p);
    }
    return ports;
  }

  private static LabelSelector selector(Random random) {
    LabelSelector s = new LabelSelector();
    if (random.nextInt(3) == 0) {
      return s;
    }
    if (random.nextBoolean()) {
      s.setMatchLabels(Map.of(pick(random, KEYS), pick(random, VALUES)));
    }
    if (random.nextBoolean()) {
      String op = pick(random, List.of("In", "NotIn", "Exists", "DoesNotExist"));
      List<String> values =
          op.equals("In") || op.equals("NotIn")
              ? List.of(pick(random, VALUES), pick(random, VALUES))
              : null;
      s.setMatchExpressions(List.of(new LabelSelectorRequirement(pick(random, KEYS), op, values)));
    }
    return s;
  }

  private static <T> T pick(Random random, List<T> list) {
    return list.get(random.nextInt(list.size()));
  }
}
