package dev.rampart.graph;

import dev.rampart.config.RampartConfig.AssetGroup;
import dev.rampart.rbac.Subject;
import dev.rampart.snapshot.KubeObject;
import java.time.Duration;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.IntStream;
import org.jgrapht.Graph;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.shortestpath.YenKShortestPath;
import org.jgrapht.graph.AsGraphUnion;
import org.jgrapht.graph.DirectedWeightedMultigraph;
import org.jgrapht.graph.GraphDelegator;

/**
 * Attack paths from the entry points to the crown jewels: for each crown jewel the k most likely
 * simple paths (Yen's algorithm on weights {@code -log(likelihood)}), deduplicated, ranked by score
 * (likelihood times impact), then length. Bounded: at most k paths per target, at most {@code
 * maxLength} steps, at most {@code maxTargets} targets and a time budget; the result says when a
 * bound cut the search.
 */
public final class AttackPaths {

  /** The search's inputs and bounds. */
  public record Options(
      List<String> from,
      String to,
      boolean assumeBreach,
      int k,
      int maxLength,
      int maxTargets,
      Duration budget) {

    public Options {
      from = from == null ? List.of() : List.copyOf(from);
    }

    public static Options defaults() {
      return new Options(List.of(), null, false, 5, 8, 500, Duration.ofSeconds(20));
    }

    public Options withFrom(List<String> newFrom) {
      return new Options(newFrom, to, assumeBreach, k, maxLength, maxTargets, budget);
    }

    public Options withTo(String newTo) {
      return new Options(from, newTo, assumeBreach, k, maxLength, maxTargets, budget);
    }

    public Options withAssumeBreach(boolean breach) {
      return new Options(from, to, breach, k, maxLength, maxTargets, budget);
    }
  }

  /** A crown jewel: what it is and why it matters. */
  public record Target(Asset asset, String reason, int impact) {}

  /**
   * @param bounds what cut the search short, in words; empty when nothing did
   */
  public record Result(List<Target> targets, List<AttackPath> paths, List<String> bounds) {
    public Result {
      targets = List.copyOf(targets);
      paths = List.copyOf(paths);
      bounds = List.copyOf(bounds);
    }

    public List<AttackPath> reaching(Asset target) {
      return paths.stream().filter(p -> p.target().equals(target)).toList();
    }
  }

  private static final Asset START = new Asset(Asset.Kind.INTERNET, null, "(entry)");

  private AttackPaths() {}

  /**
   * @throws IllegalArgumentException when {@code --from} or {@code --to} names nothing in the graph
   */
  public static Result find(AssetGraph g, AssetGroups groups, Options o) {
    List<Target> targets = targets(g, groups, o.to());
    Set<Asset> entries = entries(g, o);
    List<String> bounds = new ArrayList<>();
    if (targets.size() > o.maxTargets()) {
      bounds.add(
          "searched the first " + o.maxTargets() + " of " + targets.size() + " crown jewels");
      targets = targets.subList(0, o.maxTargets());
    }
    Graph<Asset, Edge> starts = new DirectedWeightedMultigraph<>(Edge.class);
    starts.addVertex(START);
    for (Asset e : entries) {
      starts.addVertex(e);
      Edge edge = new Edge(EdgeType.GRANTED, null, 1.0, List.of("entry point"));
      starts.addEdge(START, e, edge);
      starts.setEdgeWeight(edge, 0);
    }
    long deadline = System.nanoTime() + o.budget().toNanos();
    List<List<GraphPath<Asset, Edge>>> found = search(g, starts, targets, entries, o, deadline);
    List<AttackPath> paths = new ArrayList<>();
    Set<List<Asset>> seen = new HashSet<>();
    Set<Asset> jewels = new HashSet<>();
    targets.forEach(t -> jewels.add(t.asset()));
    for (int i = 0; i < targets.size(); i++) {
      if (found.get(i) == null) {
        bounds.add(
            "time budget of "
                + o.budget().toSeconds()
                + " s spent after "
                + i
                + " of "
                + targets.size()
                + " crown jewels");
        break;
      }
      Target t = targets.get(i);
      int kept = 0;
      for (GraphPath<Asset, Edge> p : found.get(i)) {
        List<Asset> vertices = p.getVertexList().subList(1, p.getVertexList().size());
        if (kept < o.k()
            && vertices.size() > 1
            && !throughOtherJewel(vertices, t.asset(), jewels)
            && seen.add(vertices)) {
          kept++;
          paths.add(path(t, vertices, p.getEdgeList().subList(1, p.getEdgeList().size())));
        }
      }
    }
    paths.sort(
        Comparator.comparingInt(AttackPath::score)
            .reversed()
            .thenComparingInt(AttackPath::length)
            .thenComparing(AttackPath::describe));
    return new Result(targets, paths, bounds);
  }

  /**
   * The k shortest paths to each target, on every core: each worker takes every n-th target with a
   * search view of its own (the view caches; the graph itself is only read). Each target's paths
   * depend on the graph alone, so the result is the same on any number of cores. A target not
   * searched before the deadline is null, as is every one after it.
   */
  private static List<List<GraphPath<Asset, Edge>>> search(
      AssetGraph g,
      Graph<Asset, Edge> starts,
      List<Target> targets,
      Set<Asset> entries,
      Options o,
      long deadline) {
    int maxEdges = o.maxLength() + 1; // the first edge leaves the virtual start
    int workers = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), targets.size()));
    AtomicReferenceArray<List<GraphPath<Asset, Edge>>> found =
        new AtomicReferenceArray<>(targets.size());
    IntStream.range(0, workers)
        .parallel()
        .forEach(
            worker -> {
              Graph<Asset, Edge> search = new AsGraphUnion<>(new CanonicalOrder(g.graph()), starts);
              YenKShortestPath<Asset, Edge> yen =
                  new YenKShortestPath<>(search, (partial, edge) -> partial.getLength() < maxEdges);
              for (int i = worker; i < targets.size(); i += workers) {
                if (System.nanoTime() > deadline) {
                  return;
                }
                Asset target = targets.get(i).asset();
                // Ask for more than k: paths through another crown jewel are dropped later.
                found.set(
                    i,
                    entries.contains(target) ? List.of() : yen.getPaths(START, target, 3 * o.k()));
              }
            });
    List<List<GraphPath<Asset, Edge>>> result = new ArrayList<>();
    for (int i = 0; i < targets.size(); i++) {
      result.add(found.get(i));
    }
    return result;
  }

  /**
   * A view of the graph whose edges come in a canonical order. Among equally likely paths, which k
   * the search keeps depends on the order it meets edges in; that order must not be the order the
   * snapshot listed its objects in, or a live cluster and its manifests (or its saved snapshot)
   * would rank different paths. Only the vertices the search visits are ordered, and nothing is
   * copied.
   */
  private static final class CanonicalOrder extends GraphDelegator<Asset, Edge> {

    private final Map<Asset, String> ids = new HashMap<>();
    private final Map<Asset, Set<Edge>> outgoing = new HashMap<>();
    private final Map<Asset, Set<Edge>> incoming = new HashMap<>();
    private final Comparator<Edge> order =
        Comparator.comparing((Edge e) -> id(getEdgeSource(e)))
            .thenComparing(e -> id(getEdgeTarget(e)))
            .thenComparing(Edge::type)
            .thenComparingDouble(Edge::likelihood)
            .thenComparing(Edge::evidence, CanonicalOrder::compare);

    CanonicalOrder(Graph<Asset, Edge> graph) {
      super(graph);
    }

    @Override
    public Set<Edge> outgoingEdgesOf(Asset vertex) {
      return outgoing.computeIfAbsent(vertex, v -> sorted(super.outgoingEdgesOf(v)));
    }

    @Override
    public Set<Edge> incomingEdgesOf(Asset vertex) {
      return incoming.computeIfAbsent(vertex, v -> sorted(super.incomingEdgesOf(v)));
    }

    /** An array, not a hash set: the search visits most vertices of a large graph. */
    private Set<Edge> sorted(Set<Edge> edges) {
      Edge[] array = edges.toArray(new Edge[0]);
      Arrays.sort(array, order);
      List<Edge> list = Arrays.asList(array);
      return new AbstractSet<>() {
        @Override
        public Iterator<Edge> iterator() {
          return Collections.unmodifiableList(list).iterator();
        }

        @Override
        public int size() {
          return array.length;
        }
      };
    }

    private String id(Asset a) {
      return ids.computeIfAbsent(a, Asset::id);
    }

    private static int compare(List<String> a, List<String> b) {
      for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
        int c = a.get(i).compareTo(b.get(i));
        if (c != 0) {
          return c;
        }
      }
      return Integer.compare(a.size(), b.size());
    }
  }

  /**
   * Whether the path passes through another crown jewel on its way: that jewel's own path tells the
   * story. A node on the way to cluster-admin is kept: root on a node is how many of them go on.
   */
  private static boolean throughOtherJewel(List<Asset> vertices, Asset target, Set<Asset> jewels) {
    for (int i = 1; i < vertices.size() - 1; i++) {
      Asset v = vertices.get(i);
      if (jewels.contains(v)
          && !(v.kind() == Asset.Kind.NODE && target.equals(Asset.CLUSTER_ADMIN))) {
        return true;
      }
    }
    return false;
  }

  private static AttackPath path(Target t, List<Asset> vertices, List<Edge> edges) {
    List<AttackPath.Step> steps = new ArrayList<>();
    double likelihood = 1;
    for (int i = 0; i < edges.size(); i++) {
      steps.add(new AttackPath.Step(vertices.get(i), vertices.get(i + 1), edges.get(i)));
      likelihood *= edges.get(i).likelihood();
    }
    String id = "path-" + Integer.toHexString(vertices.stream().map(Asset::id).toList().hashCode());
    int score = (int) Math.round(likelihood * t.impact());
    return new AttackPath(
        id, vertices.get(0), t.asset(), t.reason(), t.impact(), likelihood, score, steps);
  }

  /**
   * The default crown jewels (cluster-admin, every node, the Secrets of kube-system) and the assets
   * of every critical asset group; or, with {@code to}, the assets of that group or that one asset.
   */
  static List<Target> targets(AssetGraph g, AssetGroups groups, String to) {
    Map<Asset, Target> result = new LinkedHashMap<>();
    if (to != null) {
      Optional<AssetGroup> group =
          groups.all().stream().filter(x -> x.name().equals(to)).findFirst();
      if (group.isPresent()) {
        for (Asset a : sorted(g.assets())) {
          Optional<KubeObject> o = g.object(a);
          if (o.isPresent() && groups.of(o.get()).contains(group.get())) {
            result.put(a, new Target(a, "asset group " + to, impact(group.get())));
          }
        }
        return List.copyOf(result.values());
      }
      Asset a =
          g.find(to)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "--to "
                              + to
                              + " is neither an asset group of the configuration nor an asset of"
                              + " the graph (e.g. cluster-admin, Node/NAME, Secret/NS/NAME,"
                              + " Deployment/NS/NAME)"));
      return List.of(new Target(a, "the target asked for", 80));
    }
    result.put(Asset.CLUSTER_ADMIN, new Target(Asset.CLUSTER_ADMIN, "cluster-admin", 100));
    for (Asset n : g.nodes()) {
      result.put(n, new Target(n, "a node: root on it", g.isControlPlane(n) ? 100 : 90));
    }
    for (Asset a : sorted(g.assets())) {
      if (a.kind() == Asset.Kind.SECRET && "kube-system".equals(a.namespace())) {
        result.putIfAbsent(a, new Target(a, "a kube-system Secret", 90));
      }
      Optional<KubeObject> o = g.object(a);
      if (o.isPresent() && (a.kind() == Asset.Kind.SECRET || a.kind() == Asset.Kind.WORKLOAD)) {
        groups
            .critical(o.get())
            .ifPresent(
                grp ->
                    result.putIfAbsent(
                        a, new Target(a, "asset group " + grp.name() + " (critical)", 80)));
      }
    }
    return List.copyOf(result.values());
  }

  private static int impact(AssetGroup group) {
    return switch (group.criticality().toLowerCase(java.util.Locale.ROOT)) {
      case "critical" -> 80;
      case "high" -> 60;
      case "medium" -> 40;
      default -> 20;
    };
  }

  private static Set<Asset> entries(AssetGraph g, Options o) {
    Set<Asset> entries = new LinkedHashSet<>();
    if (!o.from().isEmpty()) {
      for (String id : o.from()) {
        entries.add(
            g.find(id)
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "--from "
                                + id
                                + " is not an asset of the graph (e.g. internet,"
                                + " ServiceAccount/NS/NAME, User/NAME, Deployment/NS/NAME)")));
      }
      return entries;
    }
    entries.add(Asset.INTERNET);
    entries.add(AssetGraph.identity(Subject.user(Subject.ANONYMOUS)));
    entries.add(AssetGraph.identity(Subject.group(Subject.AUTHENTICATED)));
    if (o.assumeBreach()) {
      for (Asset a : sorted(g.assets())) {
        if (a.kind() == Asset.Kind.WORKLOAD) {
          entries.add(a);
        }
      }
    }
    entries.retainAll(g.assets());
    return entries;
  }

  private static List<Asset> sorted(Set<Asset> assets) {
    return assets.stream().sorted(Comparator.comparing(Asset::id)).toList();
  }
}
