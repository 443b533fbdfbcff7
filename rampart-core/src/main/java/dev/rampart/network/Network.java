package dev.rampart.network;

import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Origin;
import dev.rampart.snapshot.Snapshot;
import dev.rampart.snapshot.Workload;
import dev.rampart.snapshot.Workloads;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.lang.ref.SoftReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.WeakHashMap;

/**
 * The network analysis of one snapshot: NetworkPolicies with their exact semantics, reachability
 * between every pair of workloads, exposure to the internet, and the CNI policies that keep parts
 * of the answer from being complete. Pure: built from the snapshot alone.
 */
public final class Network {

  /** Keyed by identity (Snapshot does not override equals); a dropped snapshot drops its entry. */
  private static final Map<Snapshot, SoftReference<Network>> CACHE = new WeakHashMap<>();

  /** A namespace name no cluster uses: "a pod in some other namespace". */
  static final String ANY_OTHER_NAMESPACE = "rampart.dev~any-other-namespace";

  private final Snapshot snapshot;
  private final NetworkPolicies policies;
  private final List<CniPolicy> cniPolicies;
  private final PodEndpoints factory;
  private final PodNetwork podNetwork;
  private final List<PodEndpoint> endpoints = new ArrayList<>();
  private final Map<KubeObject, PodEndpoint> byObject = new IdentityHashMap<>();
  private final Map<String, List<PodEndpoint>> byNamespace = new LinkedHashMap<>();
  private Reachability reachability;
  private Exposure exposure;
  private InternetPaths internetPaths;

  private Network(Snapshot snapshot) {
    this.snapshot = snapshot;
    this.policies = NetworkPolicies.of(snapshot);
    this.cniPolicies = CniPolicy.all(snapshot);
    this.podNetwork = PodNetwork.of(snapshot);
    this.factory = new PodEndpoints(Namespaces.of(snapshot), podNetwork);
    // In a stable order, not the snapshot's: which of several equally short paths is told must not
    // depend on whether the objects came kind by kind from a cluster or file by file.
    // Each name spelled once, not twice per comparison.
    List<Map.Entry<String, Workload>> byName = new ArrayList<>();
    for (Workload w : snapshot.workloads()) {
      byName.add(Map.entry(w.object().ref().display(), w));
    }
    byName.sort(Map.Entry.comparingByKey());
    for (Map.Entry<String, Workload> named : byName) {
      Workload w = named.getValue();
      PodEndpoint e = factory.of(w);
      endpoints.add(e);
      byObject.put(w.object(), e);
      byNamespace.computeIfAbsent(e.namespace(), n -> new ArrayList<>()).add(e);
    }
  }

  /**
   * The analysis of {@code snapshot}. Checks and the risk layer ask for the same snapshot many
   * times in one scan; the analysis is kept while memory allows and the snapshot lives.
   */
  public static Network of(Snapshot snapshot) {
    synchronized (CACHE) {
      SoftReference<Network> ref = CACHE.get(snapshot);
      Network cached = ref == null ? null : ref.get();
      if (cached == null) {
        cached = new Network(snapshot);
        CACHE.put(snapshot, new SoftReference<>(cached));
      }
      return cached;
    }
  }

  public Snapshot snapshot() {
    return snapshot;
  }

  public NetworkPolicies policies() {
    return policies;
  }

  public PodNetwork podNetwork() {
    return podNetwork;
  }

  /** The CNI policies recognized but not evaluated. */
  public List<CniPolicy> cniPolicies() {
    return cniPolicies;
  }

  /** The workloads (top-level, as {@link Snapshot#workloads()}) as endpoints. */
  public List<PodEndpoint> endpoints() {
    return endpoints;
  }

  /**
   * The endpoints of {@code namespace}, in the order of {@link #endpoints()}. Kept by namespace
   * because a check per namespace walking every endpoint was quadratic in the cluster's size.
   */
  public List<PodEndpoint> endpointsIn(String namespace) {
    return Collections.unmodifiableList(byNamespace.getOrDefault(namespace, List.of()));
  }

  /**
   * The endpoint of a workload or a pod of the snapshot, including pods and ReplicaSets that a
   * workload controls (they carry their own labels and, for pods, their own IPs).
   */
  public Optional<PodEndpoint> endpoint(KubeObject object) {
    PodEndpoint known = byObject.get(object);
    if (known != null) {
      return Optional.of(known);
    }
    return Workloads.of(object).map(factory::of);
  }

  /** The endpoint of a top-level workload of the snapshot (one of {@link #endpoints()}). */
  public Optional<PodEndpoint> workload(KubeObject object) {
    return Optional.ofNullable(byObject.get(object));
  }

  /**
   * The workloads or pods named {@code name} in {@code namespace} (of {@code kind}, when given,
   * case-insensitive): top-level workloads first; otherwise pods and ReplicaSets that a workload
   * controls, with their own labels and IPs. More than one result means the name is ambiguous.
   */
  public List<PodEndpoint> find(String namespace, String kind, String name) {
    List<PodEndpoint> found = new ArrayList<>();
    for (PodEndpoint e : endpoints) {
      if (matches(e.object(), namespace, kind, name)) {
        found.add(e);
      }
    }
    if (found.isEmpty()) {
      for (KubeObject o : snapshot.objects()) {
        if (Workloads.KINDS.contains(o.kind()) && matches(o, namespace, kind, name)) {
          endpoint(o).ifPresent(found::add);
        }
      }
    }
    return found;
  }

  private static boolean matches(KubeObject o, String namespace, String kind, String name) {
    return o.name().equals(name)
        && Namespaces.nameOf(o.namespace()).equals(namespace)
        && (kind == null || kind.equalsIgnoreCase(o.kind()));
  }

  /** Reachability between all workloads, computed on first use. */
  public synchronized Reachability reachability() {
    if (reachability == null) {
      reachability = Reachability.of(policies, endpoints);
    }
    return reachability;
  }

  public synchronized Exposure exposure() {
    if (exposure == null) {
      exposure = Exposure.of(snapshot);
    }
    return exposure;
  }

  /** Paths from the internet to every workload, computed on first use. */
  public synchronized InternetPaths internetPaths() {
    if (internetPaths == null) {
      internetPaths = InternetPaths.of(this);
    }
    return internetPaths;
  }

  /** The CNI policies covering a namespace: where NetworkPolicy answers are incomplete. */
  public List<CniPolicy> cniPoliciesCovering(String namespace) {
    return cniPolicies.stream().filter(c -> c.covers(namespace)).toList();
  }

  /** The verdict on traffic from one end to the other, with the evidence and its limits. */
  public Decision decide(Endpoint from, Endpoint to) {
    Decision d = policies.decide(from, to);
    List<String> reasons = new ArrayList<>();
    for (Endpoint e : List.of(from, to)) {
      if (e instanceof PodEndpoint p) {
        for (CniPolicy c : cniPoliciesCovering(p.namespace())) {
          String reason = "not evaluated: " + c.describe() + " also applies to " + p.display();
          if (!reasons.contains(reason)) {
            reasons.add(reason);
          }
        }
      }
    }
    return reasons.isEmpty() ? d : d.withNotEvaluated(reasons);
  }

  /** Every workload that may open some connection to {@code to}, with the verdict. */
  public List<Decision> reachers(Endpoint to) {
    List<Decision> result = new ArrayList<>();
    for (PodEndpoint from : representatives().values()) {
      Decision d = decide(from, to);
      if (d.allowed()) {
        for (PodEndpoint member : reachability().members(reachability().classOf(from))) {
          result.add(member == from ? d : decide(member, to));
        }
      }
    }
    return result;
  }

  /** Every workload {@code from} may open some connection to, with the verdict. */
  public List<Decision> reachable(Endpoint from) {
    List<Decision> result = new ArrayList<>();
    for (PodEndpoint to : representatives().values()) {
      Decision d = decide(from, to);
      if (d.allowed()) {
        for (PodEndpoint member : reachability().members(reachability().classOf(to))) {
          result.add(member == to ? d : decide(from, member));
        }
      }
    }
    return result;
  }

  /**
   * The namespaces whose pods {@code to} admits on {@code protocol}/{@code port}, judged by its
   * ingress alone: a new pod without labels (the least an attacker who can create pods there gets)
   * in every namespace of the snapshot, and in "any other namespace" for those it does not know.
   * The sources' egress is left out: it is theirs to restrict, and an attacker picks a source that
   * may.
   */
  public List<String> namespacesAdmitted(PodEndpoint to, Protocol protocol, int port) {
    List<String> admitted = new ArrayList<>();
    for (String ns : candidateNamespaces()) {
      Side ingress = policies.side(Direction.INGRESS, to, probe(ns), to.ports());
      if (ingress.ports().contains(protocol, port)) {
        admitted.add(ns);
      }
    }
    return admitted;
  }

  /** Whether {@code to} admits pods of every namespace, known or not, on that port. */
  public boolean admitsEveryNamespace(PodEndpoint to, Protocol protocol, int port) {
    return namespacesAdmitted(to, protocol, port).size() == candidateNamespaces().size();
  }

  private List<String> candidateNamespaces() {
    Set<String> all = new TreeSet<>(snapshot.namespaces());
    endpoints.forEach(e -> all.add(e.namespace()));
    List<String> result = new ArrayList<>(all);
    result.add(ANY_OTHER_NAMESPACE);
    return result;
  }

  /** A pod without labels or ports in namespace {@code ns}, standing for "some pod there". */
  PodEndpoint probe(String ns) {
    Map<String, String> nsLabels =
        ns.equals(ANY_OTHER_NAMESPACE) ? Map.of() : factory.namespaceLabels(ns);
    return new PodEndpoint(
        new KubeObject(
            new PodBuilder()
                .withNewMetadata()
                .withName("any-pod")
                .withNamespace(ns)
                .endMetadata()
                .build(),
            Origin.UNKNOWN),
        ns,
        Map.of(),
        nsLabels,
        List.of(),
        podNetwork.pods(),
        false);
  }

  /** One workload per class: everything about a class is decided by any of its members. */
  private Map<Integer, PodEndpoint> representatives() {
    Map<Integer, PodEndpoint> reps = new LinkedHashMap<>();
    Reachability r = reachability();
    for (int c = 0; c < r.classCount(); c++) {
      reps.put(c, r.members(c).get(0));
    }
    return reps;
  }
}
