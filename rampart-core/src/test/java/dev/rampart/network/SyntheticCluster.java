package dev.rampart.network;

import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Origin;
import dev.rampart.snapshot.Snapshot;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A synthetic cluster shaped like a real one: namespaces of teams, each running a few applications
 * in tiers, with the policies teams write (default deny, tier-to-tier allows by label and named
 * port, cross-namespace allows by namespace label, DNS and internet egress), and public load
 * balancers for the front tiers. Every pod is its own object, the worst case for grouping.
 */
final class SyntheticCluster {

  private static final String[] TIERS = {"front", "api", "db"};

  private SyntheticCluster() {}

  /**
   * @param pods how many pods in all
   * @param policies how many NetworkPolicies in all, ten per namespace until there are none left:
   *     with more than a tenth as many namespaces, the last namespaces have none
   */
  static Snapshot generate(int pods, int policies, int namespaces, long seed) {
    Random random = new Random(seed);
    int podsPerNamespace = Math.max(1, pods / namespaces);
    List<HasMetadata> objects = new ArrayList<>();
    int policyCount = 0;
    for (int n = 0; n < namespaces; n++) {
      String ns = "team-" + n;
      String team = "t" + (n % 25);
      objects.add(
          new NamespaceBuilder()
              .withNewMetadata()
              .withName(ns)
              .withLabels(Map.of("team", team, "env", n % 3 == 0 ? "prod" : "dev"))
              .endMetadata()
              .build());
      int apps = 5;
      for (int p = 0; p < podsPerNamespace; p++) {
        String app = "app" + (p % apps);
        String tier = TIERS[p % TIERS.length];
        objects.add(
            new PodBuilder()
                .withNewMetadata()
                .withName(app + "-" + tier + "-" + p)
                .withNamespace(ns)
                .withLabels(Map.of("app", app, "tier", tier, "version", "v" + random.nextInt(3)))
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("main")
                .withImage("registry.example/" + app + ":1")
                .addNewPort()
                .withName("http")
                .withContainerPort(tier.equals("db") ? 5432 : 8080)
                .endPort()
                .endContainer()
                .endSpec()
                .build());
      }
      if (n % 4 == 0) {
        objects.add(
            new ServiceBuilder()
                .withNewMetadata()
                .withName("public")
                .withNamespace(ns)
                .endMetadata()
                .withNewSpec()
                .withType("LoadBalancer")
                .withSelector(Map.of("tier", "front"))
                .addNewPort()
                .withPort(443)
                .withTargetPort(new IntOrString("http"))
                .endPort()
                .endSpec()
                .build());
      }
      for (int k = 0; k < 10 && policyCount < policies; k++, policyCount++) {
        objects.add(policy(ns, k, n, namespaces, random));
      }
    }
    List<KubeObject> kube = objects.stream().map(o -> new KubeObject(o, Origin.UNKNOWN)).toList();
    return new Snapshot("synthetic", kube, List.of());
  }

  private static HasMetadata policy(String ns, int k, int n, int namespaces, Random random) {
    NetworkPolicyBuilder b =
        new NetworkPolicyBuilder()
            .withNewMetadata()
            .withName("np-" + k)
            .withNamespace(ns)
            .endMetadata();
    LabelSelector all = new LabelSelector();
    switch (k) {
      case 0 -> {
        return b.withNewSpec().withPodSelector(all).withPolicyTypes("Ingress").endSpec().build();
      }
      case 1 -> {
        return b.withNewSpec()
            .withPodSelector(all)
            .withPolicyTypes(n % 2 == 0 ? List.of("Egress") : List.of("Ingress"))
            .endSpec()
            .build();
      }
      case 2 -> {
        NetworkPolicyEgressRule dns = new NetworkPolicyEgressRule();
        NetworkPolicyPeer kubeDns = new NetworkPolicyPeer();
        kubeDns.setNamespaceSelector(selector("kubernetes.io/metadata.name", "kube-system"));
        kubeDns.setPodSelector(selector("k8s-app", "kube-dns"));
        dns.setTo(List.of(kubeDns));
        dns.setPorts(List.of(port(53, "UDP"), port(53, "TCP")));
        return b.withNewSpec().withPodSelector(all).withEgress(dns).endSpec().build();
      }
      case 3, 4, 5 -> {
        String tier = TIERS[k - 3];
        String from = k == 3 ? null : TIERS[k - 4];
        NetworkPolicyIngressRule in = new NetworkPolicyIngressRule();
        NetworkPolicyPeer peer = new NetworkPolicyPeer();
        if (from == null) {
          IPBlock block = new IPBlock("0.0.0.0/0", List.of("10.0.0.0/8"));
          peer.setIpBlock(block);
        } else {
          peer.setPodSelector(selector("tier", from));
        }
        in.setFrom(List.of(peer));
        in.setPorts(List.of(namedPort("http")));
        return b.withNewSpec()
            .withPodSelector(selector("tier", tier))
            .withIngress(in)
            .endSpec()
            .build();
      }
      case 6, 7 -> {
        NetworkPolicyIngressRule in = new NetworkPolicyIngressRule();
        NetworkPolicyPeer peer = new NetworkPolicyPeer();
        peer.setNamespaceSelector(selector("team", "t" + random.nextInt(25)));
        peer.setPodSelector(selector("app", "app" + random.nextInt(5)));
        in.setFrom(List.of(peer));
        in.setPorts(List.of(port(8080 + random.nextInt(2), "TCP")));
        return b.withNewSpec()
            .withPodSelector(selector("app", "app" + random.nextInt(5)))
            .withIngress(in)
            .endSpec()
            .build();
      }
      case 8 -> {
        NetworkPolicyEgressRule out = new NetworkPolicyEgressRule();
        NetworkPolicyPeer peer = new NetworkPolicyPeer();
        peer.setNamespaceSelector(
            selector("kubernetes.io/metadata.name", "team-" + random.nextInt(namespaces)));
        out.setTo(List.of(peer));
        out.setPorts(List.of(namedPort("http")));
        return b.withNewSpec()
            .withPodSelector(selector("tier", "api"))
            .withPolicyTypes("Egress")
            .withEgress(out)
            .endSpec()
            .build();
      }
      default -> {
        NetworkPolicyEgressRule out = new NetworkPolicyEgressRule();
        NetworkPolicyPeer peer = new NetworkPolicyPeer();
        peer.setIpBlock(new IPBlock("0.0.0.0/0", List.of("10.0.0.0/8", "192.168.0.0/16")));
        out.setTo(List.of(peer));
        out.setPorts(List.of(port(443, "TCP")));
        return b.withNewSpec()
            .withPodSelector(selector("version", "v" + random.nextInt(3)))
            .withPolicyTypes("Egress")
            .withEgress(out)
            .endSpec()
            .build();
      }
    }
  }

  private static LabelSelector selector(String key, String value) {
    LabelSelector s = new LabelSelector();
    s.setMatchLabels(Map.of(key, value));
    return s;
  }

  private static NetworkPolicyPort port(int number, String protocol) {
    NetworkPolicyPort p = new NetworkPolicyPort();
    p.setPort(new IntOrString(number));
    p.setProtocol(protocol);
    return p;
  }

  private static NetworkPolicyPort namedPort(String name) {
    NetworkPolicyPort p = new NetworkPolicyPort();
    p.setPort(new IntOrString(name));
    return p;
  }
}
