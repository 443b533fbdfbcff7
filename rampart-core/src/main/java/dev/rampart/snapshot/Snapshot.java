package dev.rampart.snapshot;

import io.fabric8.kubernetes.api.model.OwnerReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The immutable, indexed inventory of one cluster (or of a set of manifests). Everything downstream
 * reads only the snapshot, so live and offline scans give the same results.
 */
public final class Snapshot {

  private final String source;
  private final ClusterInfo clusterInfo;
  private final List<KubeObject> objects;
  private final List<InputProblem> problems;
  private final List<Gap> gaps;
  private final Map<String, List<KubeObject>> byKind;
  private final Map<Key, KubeObject> byKey;
  private final List<Workload> workloads;

  /** Computed on first use; a race computes the same list twice, harmlessly. */
  private volatile List<String> namespaces;

  /** What {@link #derive} has computed, by key. */
  private final Map<Derivation<?>, Memo<?>> derived = new ConcurrentHashMap<>();

  public Snapshot(String source, List<KubeObject> objects, List<InputProblem> problems) {
    this(source, objects, problems, ClusterInfo.UNKNOWN);
  }

  public Snapshot(
      String source,
      List<KubeObject> objects,
      List<InputProblem> problems,
      ClusterInfo clusterInfo) {
    this(source, objects, problems, clusterInfo, List.of());
  }

  /**
   * @param gaps the kinds the source could not read; the checks that need them are reported not
   *     evaluated
   */
  public Snapshot(
      String source,
      List<KubeObject> objects,
      List<InputProblem> problems,
      ClusterInfo clusterInfo,
      List<Gap> gaps) {
    this.source = source;
    this.gaps = List.copyOf(gaps);
    this.clusterInfo = clusterInfo == null ? ClusterInfo.UNKNOWN : clusterInfo;
    this.objects = List.copyOf(objects);
    this.problems = List.copyOf(problems);
    Map<String, List<KubeObject>> kinds = new LinkedHashMap<>();
    Map<Key, KubeObject> keys = new LinkedHashMap<>();
    for (KubeObject o : this.objects) {
      kinds.computeIfAbsent(o.kind(), k -> new ArrayList<>()).add(o);
      keys.putIfAbsent(key(o.kind(), o.namespace(), o.name()), o);
    }
    kinds.replaceAll((k, v) -> Collections.unmodifiableList(v));
    this.byKind = Collections.unmodifiableMap(kinds);
    this.byKey = Collections.unmodifiableMap(keys);
    this.workloads = topLevelWorkloads();
  }

  private static Key key(String kind, String namespace, String name) {
    return new Key(kind, namespace == null ? "" : namespace, name);
  }

  /**
   * What identifies an object. Not a string of the three: lookups come per finding and per graph
   * edge, and each built its key. Equality and hash written out, as a record's own dispatch through
   * method handles that the quick compiler does not inline.
   */
  private record Key(String kind, String namespace, String name) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Key k
          && Objects.equals(name, k.name)
          && Objects.equals(namespace, k.namespace)
          && Objects.equals(kind, k.kind);
    }

    @Override
    public int hashCode() {
      int h = Objects.hashCode(kind);
      h = 31 * h + namespace.hashCode();
      return 31 * h + Objects.hashCode(name);
    }
  }

  /** Where the inventory came from, e.g. the paths given, {@code demo} or a kube context. */
  public String source() {
    return source;
  }

  /** What the API server said of itself; {@link ClusterInfo#UNKNOWN} for files. */
  public ClusterInfo clusterInfo() {
    return clusterInfo;
  }

  public List<KubeObject> objects() {
    return objects;
  }

  public List<InputProblem> problems() {
    return problems;
  }

  /**
   * The kinds the source could not read (a live scan under limited permissions); empty for files.
   */
  public List<Gap> gaps() {
    return gaps;
  }

  public List<KubeObject> ofKind(String kind) {
    return byKind.getOrDefault(kind, List.of());
  }

  public Map<String, Integer> countByKind() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    byKind.keySet().stream().sorted().forEach(k -> counts.put(k, byKind.get(k).size()));
    return counts;
  }

  public Optional<KubeObject> find(String kind, String namespace, String name) {
    return Optional.ofNullable(byKey.get(key(kind, namespace, name)));
  }

  /** Every namespace that is declared or that an object lives in, sorted. */
  public List<String> namespaces() {
    // Kept: the graph asks once per identity with a cluster-wide grant, and a walk of every
    // object each time made graph building quadratic in the cluster's size.
    List<String> known = namespaces;
    if (known == null) {
      TreeSet<String> names = new TreeSet<>();
      ofKind("Namespace").forEach(n -> names.add(n.name()));
      objects.stream().map(KubeObject::namespace).filter(n -> n != null).forEach(names::add);
      known = List.copyOf(names);
      namespaces = known;
    }
    return known;
  }

  /**
   * What {@code derivation} computes from this snapshot, computed once: dozens of checks ask for
   * the same derivation (the control-plane pods, say) and each used to walk every object again. The
   * snapshot stays immutable as far as anyone can tell, since a derivation is a pure function of
   * it. Safe from any thread: concurrent first calls compute once, and the others wait for the
   * result.
   */
  public <T> T derive(Derivation<T> derivation) {
    @SuppressWarnings("unchecked")
    Memo<T> memo = (Memo<T>) derived.computeIfAbsent(derivation, d -> new Memo<>());
    return memo.get(this, derivation);
  }

  /**
   * A pure function of a snapshot whose result {@link #derive} keeps. Keys by identity: hold each
   * one in a constant.
   */
  public static final class Derivation<T> {
    private final Function<Snapshot, T> compute;

    public Derivation(Function<Snapshot, T> compute) {
      this.compute = compute;
    }
  }

  /**
   * One derivation's result. Computed outside {@code computeIfAbsent}, which must not run long or
   * reenter the map (a derivation may derive another).
   */
  private static final class Memo<T> {
    private volatile T value;

    T get(Snapshot snapshot, Derivation<T> derivation) {
      T known = value;
      if (known == null) {
        synchronized (this) {
          known = value;
          if (known == null) {
            known = Objects.requireNonNull(derivation.compute.apply(snapshot), "a derivation");
            value = known;
          }
        }
      }
      return known;
    }
  }

  /**
   * The workloads to assess: every object that runs pods, except those controlled by another
   * workload in the snapshot (a Deployment's ReplicaSets and their Pods, a CronJob's Jobs), whose
   * findings belong to the owner that a user edits.
   */
  public List<Workload> workloads() {
    return workloads;
  }

  private List<Workload> topLevelWorkloads() {
    List<Workload> result = new ArrayList<>();
    for (KubeObject o : objects) {
      if (Workloads.KINDS.contains(o.kind()) && !controlledByWorkload(o)) {
        Workloads.of(o).ifPresent(result::add);
      }
    }
    return Collections.unmodifiableList(result);
  }

  private boolean controlledByWorkload(KubeObject o) {
    List<OwnerReference> owners = o.resource().getMetadata().getOwnerReferences();
    if (owners == null) {
      return false;
    }
    for (OwnerReference owner : owners) {
      if (Boolean.TRUE.equals(owner.getController())
          && Workloads.KINDS.contains(owner.getKind())
          && byKey.containsKey(key(owner.getKind(), o.namespace(), owner.getName()))) {
        return true;
      }
    }
    return false;
  }
}
