package dev.rampart.network;

import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.ObjectRef;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicySpec;
import java.util.ArrayList;
import java.util.List;

/**
 * A Kubernetes NetworkPolicy, read with the API's defaults: a missing {@code podSelector} selects
 * every pod of the namespace; without {@code policyTypes} a policy governs ingress always, and
 * egress only when it has egress rules.
 *
 * @param object the policy as read
 * @param namespace the policy's namespace ({@code default} when the manifest names none)
 * @param podSelector the pods of {@code namespace} the policy isolates
 * @param ingress whether the selected pods are isolated for ingress
 * @param egress whether the selected pods are isolated for egress
 * @param problems what the API server would have rejected; the offending parts match nothing
 */
public record Policy(
    KubeObject object,
    String namespace,
    Selector podSelector,
    boolean ingress,
    boolean egress,
    List<Rule> ingressRules,
    List<Rule> egressRules,
    List<String> problems) {

  public Policy {
    ingressRules = List.copyOf(ingressRules);
    egressRules = List.copyOf(egressRules);
    problems = List.copyOf(problems);
  }

  public String name() {
    return object.name();
  }

  public ObjectRef ref() {
    return new ObjectRef(object.resource().getApiVersion(), "NetworkPolicy", namespace, name());
  }

  /** {@code namespace/name}. */
  public String display() {
    return namespace + "/" + name();
  }

  public boolean affects(Direction d) {
    return d == Direction.INGRESS ? ingress : egress;
  }

  public List<Rule> rules(Direction d) {
    return d == Direction.INGRESS ? ingressRules : egressRules;
  }

  /** Whether the policy isolates the pods of {@code pod} in direction {@code d}. */
  public boolean selects(PodEndpoint pod, Direction d) {
    return affects(d)
        && !pod.hostNetwork()
        && namespace.equals(pod.namespace())
        && podSelector.matches(pod.labels());
  }

  /** Reads a {@code networking.k8s.io} NetworkPolicy. */
  public static Policy of(KubeObject object) {
    NetworkPolicy np = object.as(NetworkPolicy.class);
    String namespace = Namespaces.nameOf(object.namespace());
    ObjectRef ref =
        new ObjectRef(object.resource().getApiVersion(), "NetworkPolicy", namespace, object.name());
    NetworkPolicySpec spec = np.getSpec() == null ? new NetworkPolicySpec() : np.getSpec();
    List<String> problems = new ArrayList<>();
    Selector podSelector = Selector.of(spec.getPodSelector());
    if (podSelector.problem() != null) {
      problems.add("spec.podSelector: " + podSelector.problem());
    }

    List<Rule> ingress = new ArrayList<>();
    List<NetworkPolicyIngressRule> in = spec.getIngress() == null ? List.of() : spec.getIngress();
    for (int i = 0; i < in.size(); i++) {
      NetworkPolicyIngressRule r = in.get(i);
      String path = "spec.ingress[" + i + "]";
      ingress.add(
          new Rule(
              ref,
              Direction.INGRESS,
              i,
              peers(r.getFrom(), path + ".from", problems),
              ports(r.getPorts(), path + ".ports", problems)));
    }
    List<Rule> egress = new ArrayList<>();
    List<NetworkPolicyEgressRule> out = spec.getEgress() == null ? List.of() : spec.getEgress();
    for (int i = 0; i < out.size(); i++) {
      NetworkPolicyEgressRule r = out.get(i);
      String path = "spec.egress[" + i + "]";
      egress.add(
          new Rule(
              ref,
              Direction.EGRESS,
              i,
              peers(r.getTo(), path + ".to", problems),
              ports(r.getPorts(), path + ".ports", problems)));
    }

    boolean isolatesIngress;
    boolean isolatesEgress;
    List<String> types = spec.getPolicyTypes();
    if (types == null || types.isEmpty()) {
      isolatesIngress = true;
      isolatesEgress = !out.isEmpty();
    } else {
      isolatesIngress = types.contains("Ingress");
      isolatesEgress = types.contains("Egress");
      for (String t : types) {
        if (!"Ingress".equals(t) && !"Egress".equals(t)) {
          problems.add("spec.policyTypes: unknown type \"" + t + "\"");
        }
      }
    }
    return new Policy(
        object, namespace, podSelector, isolatesIngress, isolatesEgress, ingress, egress, problems);
  }

  private static List<Peer> peers(
      List<NetworkPolicyPeer> peers, String path, List<String> problems) {
    List<Peer> result = new ArrayList<>();
    if (peers == null) {
      return result;
    }
    for (int i = 0; i < peers.size(); i++) {
      Peer p = peer(peers.get(i));
      if (p instanceof Peer.Invalid invalid) {
        problems.add(path + "[" + i + "]: " + invalid.problem());
      }
      result.add(p);
    }
    return result;
  }

  private static Peer peer(NetworkPolicyPeer p) {
    IPBlock ip = p.getIpBlock();
    boolean selectors = p.getPodSelector() != null || p.getNamespaceSelector() != null;
    if (ip != null) {
      if (selectors) {
        return new Peer.Invalid("ipBlock cannot be combined with a selector");
      }
      if (ip.getCidr() == null) {
        return new Peer.Invalid("ipBlock without cidr");
      }
      try {
        Cidr cidr = Cidr.parse(ip.getCidr());
        List<Cidr> except = new ArrayList<>();
        if (ip.getExcept() != null) {
          for (String e : ip.getExcept()) {
            except.add(Cidr.parse(e));
          }
        }
        return new Peer.Block(new IpBlock(cidr, except));
      } catch (IllegalArgumentException e) {
        return new Peer.Invalid(e.getMessage());
      }
    }
    if (!selectors) {
      return new Peer.Invalid("a peer needs podSelector, namespaceSelector or ipBlock");
    }
    Selector namespaces =
        p.getNamespaceSelector() == null ? null : Selector.of(p.getNamespaceSelector());
    Selector pods = Selector.of(p.getPodSelector());
    String problem =
        namespaces != null && namespaces.problem() != null ? namespaces.problem() : pods.problem();
    if (problem != null) {
      return new Peer.Invalid(problem);
    }
    return new Peer.Pods(namespaces, pods);
  }

  private static List<PolicyPort> ports(
      List<NetworkPolicyPort> ports, String path, List<String> problems) {
    List<PolicyPort> result = new ArrayList<>();
    if (ports == null) {
      return result;
    }
    for (int i = 0; i < ports.size(); i++) {
      PolicyPort p = PolicyPort.of(ports.get(i));
      if (p.problem() != null) {
        problems.add(path + "[" + i + "]: " + p.problem());
      }
      result.add(p);
    }
    return result;
  }
}
