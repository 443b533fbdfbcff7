package dev.rampart.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who reaches whom, for every pair of pods, without evaluating every pair: pods that no policy
 * tells apart are grouped into classes, and only pairs of classes are evaluated.
 *
 * <p>Two pods belong to the same class when they are selected by the same policies (per direction),
 * match the same peers of every rule (which covers namespaces, labels and addresses), resolve every
 * named port the rules use to the same ports, and share the host-network flag. Everything a verdict
 * depends on is then equal, so the verdict for a pair of classes is the verdict for every pair of
 * their members.
 */
public final class Reachability {

  private final List<PodEndpoint> pods;
  private final Map<PodEndpoint, Integer> podIndex = new IdentityHashMap<>();
  private final int[] classOfPod;
  private final List<List<PodEndpoint>> members = new ArrayList<>();

  /** Per class: the id of its resolved named ports. */
  private final int[] namedPortsOf;

  /** Per named-ports id: the ports each named key resolves to. */
  private final List<PortSet[]> namedPortVectors = new ArrayList<>();

  private final List<CompiledRule> rules = new ArrayList<>();

  /** Per class: the ingress (egress) rules of the policies selecting it, or null if none. */
  private final CompiledRule[][] ingressRules;

  private final CompiledRule[][] egressRules;

  /** Per class, computed on first use: sources its ingress may admit, destinations its egress. */
  private BitSet[] ingressSources;

  private BitSet[] egressTargets;

  /** A rule with its matched peer classes (null: every class) and its ports split for speed. */
  private record CompiledRule(BitSet peers, PortSet fixedPorts, int[] namedKeys) {}

  private record NamedKey(String name, Protocol protocol) {}

  private record Signature(int[] ingress, int[] egress, int[] peers, int namedPorts, boolean host) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Signature s
          && namedPorts == s.namedPorts
          && host == s.host
          && Arrays.equals(ingress, s.ingress)
          && Arrays.equals(egress, s.egress)
          && Arrays.equals(peers, s.peers);
    }

    @Override
    public int hashCode() {
      int h = Arrays.hashCode(ingress);
      h = 31 * h + Arrays.hashCode(egress);
      h = 31 * h + Arrays.hashCode(peers);
      return 31 * (31 * h + namedPorts) + (host ? 1 : 0);
    }
  }

  private Reachability(NetworkPolicies policies, List<PodEndpoint> pods) {
    this.pods = List.copyOf(pods);
    for (int i = 0; i < this.pods.size(); i++) {
      podIndex.put(this.pods.get(i), i);
    }
    List<Policy> all = policies.all();

    // Every peer of every rule, and the pods each one matches.
    List<Rule> allRules = new ArrayList<>();
    List<int[]> rulePeerIds = new ArrayList<>();
    List<List<Integer>> peerMatches = new ArrayList<>();
    PeerMatcher matcher = new PeerMatcher(this.pods);
    for (Policy p : all) {
      for (Direction d : Direction.values()) {
        for (Rule r : p.rules(d)) {
          int[] ids = new int[r.peers().size()];
          for (int i = 0; i < ids.length; i++) {
            ids[i] = peerMatches.size();
            peerMatches.add(matcher.matching(r.peers().get(i), p.namespace()));
          }
          allRules.add(r);
          rulePeerIds.add(ids);
        }
      }
    }

    // Named ports the rules use, resolved per pod.
    Map<NamedKey, Integer> namedKeys = new HashMap<>();
    for (Rule r : allRules) {
      for (PolicyPort port : r.ports()) {
        if (port.problem() == null && port.name() != null) {
          namedKeys.putIfAbsent(new NamedKey(port.name(), port.protocol()), namedKeys.size());
        }
      }
    }
    NamedKey[] keys = new NamedKey[namedKeys.size()];
    namedKeys.forEach((k, i) -> keys[i] = k);
    Map<List<PortSet>, Integer> vectorIds = new HashMap<>();
    int[] podVector = new int[this.pods.size()];
    for (int i = 0; i < this.pods.size(); i++) {
      PortSet[] vector = new PortSet[keys.length];
      for (int k = 0; k < keys.length; k++) {
        vector[k] =
            new PolicyPort(keys[k].protocol(), null, keys[k].name(), null, null)
                .resolve(this.pods.get(i).ports());
      }
      List<PortSet> asList = List.of(vector);
      Integer id = vectorIds.get(asList);
      if (id == null) {
        id = namedPortVectors.size();
        vectorIds.put(asList, id);
        namedPortVectors.add(vector);
      }
      podVector[i] = id;
    }

    // Signatures, then classes.
    int n = this.pods.size();
    List<List<Integer>> podPeers = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      podPeers.add(new ArrayList<>());
    }
    for (int peer = 0; peer < peerMatches.size(); peer++) {
      for (int pod : peerMatches.get(peer)) {
        podPeers.get(pod).add(peer);
      }
    }
    Map<String, List<Integer>> policiesByNamespace = new HashMap<>();
    for (int i = 0; i < all.size(); i++) {
      policiesByNamespace.computeIfAbsent(all.get(i).namespace(), k -> new ArrayList<>()).add(i);
    }
    classOfPod = new int[n];
    Map<Signature, Integer> classes = new HashMap<>();
    List<int[]> classIngress = new ArrayList<>();
    List<int[]> classEgress = new ArrayList<>();
    List<Integer> classVector = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      PodEndpoint pod = this.pods.get(i);
      List<Integer> in = new ArrayList<>();
      List<Integer> out = new ArrayList<>();
      for (int p : policiesByNamespace.getOrDefault(pod.namespace(), List.of())) {
        if (all.get(p).selects(pod, Direction.INGRESS)) {
          in.add(p);
        }
        if (all.get(p).selects(pod, Direction.EGRESS)) {
          out.add(p);
        }
      }
      Signature s =
          new Signature(
              ints(in), ints(out), ints(podPeers.get(i)), podVector[i], pod.hostNetwork());
      Integer c = classes.get(s);
      if (c == null) {
        c = members.size();
        classes.put(s, c);
        members.add(new ArrayList<>());
        classIngress.add(s.ingress());
        classEgress.add(s.egress());
        classVector.add(s.namedPorts());
      }
      classOfPod[i] = c;
      members.get(c).add(pod);
    }
    members.replaceAll(List::copyOf);
    int classCount = members.size();

    // Rules with the classes their peers match.
    Map<Rule, CompiledRule> compiled = new IdentityHashMap<>();
    for (int r = 0; r < allRules.size(); r++) {
      Rule rule = allRules.get(r);
      BitSet peers = null;
      if (!rule.peers().isEmpty()) {
        peers = new BitSet(classCount);
        for (int peer : rulePeerIds.get(r)) {
          for (int pod : peerMatches.get(peer)) {
            peers.set(classOfPod[pod]);
          }
        }
      }
      PortSet fixed = rule.ports().isEmpty() ? PortSet.ALL : PortSet.NONE;
      List<Integer> named = new ArrayList<>();
      for (PolicyPort port : rule.ports()) {
        if (port.problem() == null && port.name() != null) {
          named.add(namedKeys.get(new NamedKey(port.name(), port.protocol())));
        } else {
          fixed = fixed.union(port.resolve(List.of()));
        }
      }
      CompiledRule c = new CompiledRule(peers, fixed, ints(named));
      rules.add(c);
      compiled.put(rule, c);
    }
    namedPortsOf = new int[classCount];
    ingressRules = new CompiledRule[classCount][];
    egressRules = new CompiledRule[classCount][];
    for (int c = 0; c < classCount; c++) {
      namedPortsOf[c] = classVector.get(c);
      ingressRules[c] = rulesOf(classIngress.get(c), all, Direction.INGRESS, compiled);
      egressRules[c] = rulesOf(classEgress.get(c), all, Direction.EGRESS, compiled);
    }
  }

  /** Groups {@code pods} and prepares to answer for every pair. */
  public static Reachability of(NetworkPolicies policies, List<PodEndpoint> pods) {
    return new Reachability(policies, pods);
  }

  private static CompiledRule[] rulesOf(
      int[] policyIds, List<Policy> all, Direction d, Map<Rule, CompiledRule> compiled) {
    if (policyIds.length == 0) {
      return null;
    }
    List<CompiledRule> result = new ArrayList<>();
    for (int p : policyIds) {
      for (Rule r : all.get(p).rules(d)) {
        result.add(compiled.get(r));
      }
    }
    return result.toArray(new CompiledRule[0]);
  }

  private static int[] ints(List<Integer> list) {
    int[] a = new int[list.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = list.get(i);
    }
    return a;
  }

  public List<PodEndpoint> pods() {
    return pods;
  }

  /** How many classes the pods fall into. */
  public int classCount() {
    return members.size();
  }

  /** Whether {@code pod} is one of the grouped pods. */
  public boolean contains(PodEndpoint pod) {
    return podIndex.containsKey(pod);
  }

  public int classOf(PodEndpoint pod) {
    Integer i = podIndex.get(pod);
    if (i == null) {
      throw new IllegalArgumentException(pod.display() + " is not one of the grouped pods");
    }
    return classOfPod[i];
  }

  public List<PodEndpoint> members(int classId) {
    return members.get(classId);
  }

  /** The ports pods of class {@code from} may open to pods of class {@code to}. */
  public PortSet ports(int from, int to) {
    PortSet[] named = namedPortVectors.get(namedPortsOf[to]);
    PortSet ingress = allowed(ingressRules[to], from, named);
    if (ingress.isEmpty()) {
      return ingress;
    }
    return ingress.intersect(allowed(egressRules[from], to, named));
  }

  public PortSet ports(PodEndpoint from, PodEndpoint to) {
    return ports(classOf(from), classOf(to));
  }

  private static PortSet allowed(CompiledRule[] rules, int other, PortSet[] named) {
    if (rules == null) {
      return PortSet.ALL;
    }
    PortSet ports = PortSet.NONE;
    for (CompiledRule r : rules) {
      if (r.peers() == null || r.peers().get(other)) {
        ports = ports.union(r.fixedPorts());
        for (int k : r.namedKeys()) {
          ports = ports.union(named[k]);
        }
      }
    }
    return ports;
  }

  /** How many ordered pairs of distinct pods (endpoints) may open some connection. */
  public long connectedPairs() {
    long count = 0;
    for (int a = 0; a < classCount(); a++) {
      long sizeA = members.get(a).size();
      BitSet targets = reachableClasses(a);
      for (int b = targets.nextSetBit(0); b >= 0; b = targets.nextSetBit(b + 1)) {
        count += a == b ? sizeA * (sizeA - 1) : sizeA * members.get(b).size();
      }
    }
    return count;
  }

  /**
   * The classes pods of class {@code from} may open some connection to. Candidates come from
   * bitsets (the sources each class's ingress rules name, the destinations each class's egress
   * rules name), so that only plausible pairs are evaluated exactly.
   */
  public BitSet reachableClasses(int from) {
    prepareCandidates();
    BitSet out = new BitSet(classCount());
    BitSet targets = egressTargets[from];
    for (int b = targets.nextSetBit(0); b >= 0; b = targets.nextSetBit(b + 1)) {
      if (ingressSources[b].get(from) && !ports(from, b).isEmpty()) {
        out.set(b);
      }
    }
    return out;
  }

  private synchronized void prepareCandidates() {
    if (ingressSources != null) {
      return;
    }
    int n = classCount();
    BitSet all = new BitSet(n);
    all.set(0, n);
    BitSet[] sources = new BitSet[n];
    BitSet[] targets = new BitSet[n];
    for (int c = 0; c < n; c++) {
      sources[c] = candidates(ingressRules[c], all);
      targets[c] = candidates(egressRules[c], all);
    }
    egressTargets = targets;
    ingressSources = sources;
  }

  /** The union of the rules' peer classes; every class when not isolated or a rule has no peer. */
  private static BitSet candidates(CompiledRule[] rules, BitSet all) {
    if (rules == null) {
      return all;
    }
    BitSet union = new BitSet(all.size());
    for (CompiledRule r : rules) {
      if (r.peers() == null) {
        return all;
      }
      union.or(r.peers());
    }
    return union;
  }

  /** Finds the pods each peer matches, by namespace first, so that work follows the matches. */
  private static final class PeerMatcher {
    private final List<PodEndpoint> pods;
    private final Map<String, List<Integer>> byNamespace = new HashMap<>();
    private final Map<String, Map<String, String>> namespaceLabels = new HashMap<>();

    /**
     * Pods by the addresses an ipBlock sees (their IPs, or the pod network most share), keyed by
     * identity: a block is then evaluated once per distinct list, not once per pod.
     */
    private final Map<List<Cidr>, List<Integer>> byAddresses = new IdentityHashMap<>();

    PeerMatcher(List<PodEndpoint> pods) {
      this.pods = pods;
      for (int i = 0; i < pods.size(); i++) {
        PodEndpoint p = pods.get(i);
        byNamespace.computeIfAbsent(p.namespace(), k -> new ArrayList<>()).add(i);
        namespaceLabels.putIfAbsent(p.namespace(), p.namespaceLabels());
        byAddresses.computeIfAbsent(p.addresses(), k -> new ArrayList<>()).add(i);
      }
    }

    List<Integer> matching(Peer peer, String policyNamespace) {
      List<Integer> result = new ArrayList<>();
      if (peer instanceof Peer.Pods pods) {
        for (Map.Entry<String, List<Integer>> ns : byNamespace.entrySet()) {
          boolean inNamespace =
              pods.namespaces() == null
                  ? ns.getKey().equals(policyNamespace)
                  : pods.namespaces().matches(namespaceLabels.get(ns.getKey()));
          if (inNamespace) {
            for (int i : ns.getValue()) {
              if (peer.matches(this.pods.get(i), policyNamespace)) {
                result.add(i);
              }
            }
          }
        }
      } else if (peer instanceof Peer.Block) {
        for (Map.Entry<List<Cidr>, List<Integer>> group : byAddresses.entrySet()) {
          PodEndpoint first = this.pods.get(group.getValue().get(0));
          if (peer.matches(first, policyNamespace)) {
            result.addAll(group.getValue());
          }
        }
      }
      result.sort(null);
      return result;
    }
  }
}
