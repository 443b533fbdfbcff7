package dev.rampart.graph;

import dev.rampart.config.RampartConfig.AssetGroup;
import dev.rampart.rbac.Subject;
import dev.rampart.snapshot.KubeObject;
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
import java.util.function.Predicate;
import org.jgrapht.Graph;
import org.jgrapht.graph.GraphDelegator;

/**
 * Attack paths from the entry points to the crown jewels. Edges weigh {@code -log(likelihood)}, so
 * the shortest path is the most likely. For each crown jewel one shortest-path tree is grown
 * backwards from it (Dijkstra on the reversed graph, other crown jewels left out); each entry point
 * then gets, through each of its footholds (the first asset it holds past the Services and routes
 * that carry traffic), the most likely path on, and keeps the k best of those: k paths per (entry,
 * crown jewel), each through another first foothold, so the list shows k different stories rather
 * than k variants of one. Ranked by score (likelihood times impact), spread by story. Bounded: at
 * most k paths per entry and target, at most {@code maxLength} steps, at most {@code maxTargets}
 * targets and a time budget; the result says when a bound cut the search.
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
      long workBudget) {

    public Options {
      from = from == null ? List.of() : List.copyOf(from);
    }

    public static Options defaults() {
      return new Options(List.of(), null, false, 5, 10, 500, WORK_BUDGET);
    }

    public Options withFrom(List<String> newFrom) {
      return new Options(newFrom, to, assumeBreach, k, maxLength, maxTargets, workBudget);
    }

    public Options withTo(String newTo) {
      return new Options(from, newTo, assumeBreach, k, maxLength, maxTargets, workBudget);
    }

    public Options withAssumeBreach(boolean breach) {
      return new Options(from, to, breach, k, maxLength, maxTargets, workBudget);
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

  private AttackPaths() {}

  /**
   * @throws IllegalArgumentException when {@code --from} or {@code --to} names nothing in the graph
   */
  public static Result find(AssetGraph g, AssetGroups groups, Options o) {
    List<Target> targets = targets(g, groups, o.to());
    Set<Asset> entries = entries(g, o);
    List<String> bounds = new ArrayList<>();
    List<List<Target>> searches = searches(targets);
    if (searches.size() > o.maxTargets()) {
      bounds.add(
          "searched the first "
              + o.maxTargets()
              + " of "
              + searches.size()
              + " crown jewels (every node counted as one)");
      searches = searches.subList(0, o.maxTargets());
      targets = searches.stream().flatMap(List::stream).toList();
    }
    Graph<Asset, Edge> canonical = new CanonicalOrder(g.graph());
    Map<Asset, List<Chain>> footholds = new LinkedHashMap<>();
    for (Asset e : entries) {
      footholds.put(e, footholds(canonical, e, o.from().isEmpty() ? prior(e) : 1.0));
    }
    List<AttackPath> paths = new ArrayList<>();
    Set<List<Asset>> seen = new HashSet<>();
    Set<Asset> jewels = new HashSet<>();
    targets.forEach(t -> jewels.add(t.asset()));
    long work = 0;
    int searched = 0;
    for (List<Target> search : searches) {
      if (work >= o.workBudget()) {
        bounds.add(
            "work budget of "
                + o.workBudget()
                + " edges spent after "
                + searched
                + " of "
                + searches.size()
                + " searches");
        break;
      }
      searched++;
      Map<Asset, Target> roots = new LinkedHashMap<>();
      for (Target t : search) {
        if (!entries.contains(t.asset())) {
          roots.put(t.asset(), t);
        }
      }
      if (roots.isEmpty()) {
        continue;
      }
      boolean toAdmin = roots.containsKey(Asset.CLUSTER_ADMIN);
      // Paths through another crown jewel are left out: that jewel's own path tells the story.
      Predicate<Asset> masked = v -> otherJewel(v, roots.keySet(), toAdmin, jewels);
      Tree tree = Tree.grow(canonical, roots.keySet(), masked, o.workBudget() - work);
      work += tree.work;
      if (tree.cut) {
        bounds.add(
            "work budget of "
                + o.workBudget()
                + " edges spent in search "
                + searched
                + " of "
                + searches.size()
                + ": its shortest-path tree is partial");
      }
      for (Map.Entry<Asset, List<Chain>> entry : footholds.entrySet()) {
        Map<Asset, List<AttackPath>> candidates = new HashMap<>();
        for (Chain c : entry.getValue()) {
          if (masked.test(c.foothold()) || !tree.reaches(c.foothold())) {
            continue;
          }
          List<Asset> vertices = new ArrayList<>(c.vertices());
          List<Edge> edges = new ArrayList<>(c.edges());
          Asset at = c.foothold();
          for (Edge e = tree.next(at); e != null; e = tree.next(at)) {
            edges.add(e);
            at = canonical.getEdgeTarget(e);
            vertices.add(at);
          }
          if (edges.size() <= o.maxLength() && new HashSet<>(vertices).size() == vertices.size()) {
            Target t = roots.get(at);
            candidates
                .computeIfAbsent(at, x -> new ArrayList<>())
                .add(path(t, vertices, edges, c.prior()));
          }
        }
        // Per crown jewel of this search, in its order: k paths through k footholds.
        for (Asset root : roots.keySet()) {
          List<AttackPath> list = candidates.get(root);
          if (list == null) {
            continue;
          }
          list.sort(BY_SCORE);
          int kept = 0;
          for (AttackPath p : list) {
            if (kept < o.k() && seen.add(assets(p))) {
              kept++;
              paths.add(p);
            }
          }
        }
      }
    }
    return new Result(targets, diversified(paths), bounds);
  }

  /**
   * The work budget of the search, in edges relaxed: a count, not a time, so that the same input
   * gives the same paths however loaded the machine is. A 50 000-pod cluster needs a few million.
   */
  static final long WORK_BUDGET = 50_000_000L;

  /**
   * The searches, each one backward shortest-path tree: every node together (the tree from all of
   * them gives each asset its most likely node; the nodes are alike as targets, and one tree per
   * node cost nodes times the graph), every other crown jewel alone.
   */
  private static List<List<Target>> searches(List<Target> targets) {
    List<List<Target>> result = new ArrayList<>();
    List<Target> nodes = new ArrayList<>();
    for (Target t : targets) {
      if (t.asset().kind() == Asset.Kind.NODE) {
        if (nodes.isEmpty()) {
          result.add(nodes);
        }
        nodes.add(t);
      } else {
        result.add(List.of(t));
      }
    }
    // Roots in the order of their ids: which of two equally likely nodes an asset gets must not
    // depend on the order the snapshot listed them in.
    nodes.sort(Comparator.comparing(t -> t.asset().id()));
    return result;
  }

  /**
   * A backward shortest-path tree from a set of roots (Dijkstra on the reversed edges, through the
   * assets {@code masked} leaves in): for every asset that reaches a root, the first edge of its
   * most likely path there. Ties go to the root met first and the edge met first, in the canonical
   * order. Stops when {@code budget} edges have been relaxed.
   */
  private static final class Tree {
    private final Map<Asset, Edge> next = new HashMap<>();
    private final Set<Asset> roots;
    private long work;
    private boolean cut;

    private Tree(Set<Asset> roots) {
      this.roots = roots;
    }

    private record Entry(double distance, long order, Asset asset) {}

    static Tree grow(
        Graph<Asset, Edge> graph, Set<Asset> roots, Predicate<Asset> masked, long budget) {
      Tree tree = new Tree(roots);
      Map<Asset, Double> distance = new HashMap<>();
      Set<Asset> settled = new HashSet<>();
      java.util.PriorityQueue<Entry> queue =
          new java.util.PriorityQueue<>(
              Comparator.comparingDouble(Entry::distance).thenComparingLong(Entry::order));
      long order = 0;
      for (Asset r : roots) {
        distance.put(r, 0.0);
        queue.add(new Entry(0.0, order++, r));
      }
      while (!queue.isEmpty() && tree.work < budget) {
        Entry at = queue.poll();
        if (!settled.add(at.asset())) {
          continue;
        }
        for (Edge e : graph.incomingEdgesOf(at.asset())) {
          Asset from = graph.getEdgeSource(e);
          if (settled.contains(from) || masked.test(from)) {
            continue;
          }
          tree.work++;
          double d = at.distance() + e.weight();
          Double known = distance.get(from);
          if (known == null || d < known) {
            distance.put(from, d);
            tree.next.put(from, e);
            queue.add(new Entry(d, order++, from));
          }
        }
      }
      tree.cut = !queue.isEmpty() && tree.work >= budget;
      return tree;
    }

    boolean reaches(Asset a) {
      return roots.contains(a) || next.containsKey(a);
    }

    Edge next(Asset a) {
      return roots.contains(a) ? null : next.get(a);
    }
  }

  /** An entry point's way to a foothold, through the Services and routes that carry traffic. */
  private record Chain(
      Asset foothold, List<Asset> vertices, List<Edge> edges, double likelihood, double prior) {}

  /**
   * How likely an attacker holds a long-lived service-account token: it never expires and such
   * Secrets are made to be copied out of the cluster (into CI systems and kubeconfigs), but a leak
   * is not a given.
   */
  static final double LEAKED_TOKEN = 0.5;

  private static final Comparator<AttackPath> BY_SCORE =
      Comparator.comparingInt(AttackPath::score)
          .reversed()
          // Rounded: equal chains multiplied in another order differ in the last bits.
          .thenComparing(Comparator.comparingLong(AttackPaths::micros).reversed())
          .thenComparingInt(AttackPaths::attackerSteps)
          .thenComparing(AttackPath::describe);

  /**
   * The footholds of {@code entry}, each with its most likely chain: the first assets past the
   * Services and routes (which only carry traffic) that its edges lead to.
   */
  private static List<Chain> footholds(Graph<Asset, Edge> graph, Asset entry, double prior) {
    Map<Asset, Chain> best = new LinkedHashMap<>();
    walk(graph, new Chain(entry, List.of(entry), List.of(), prior, prior), best);
    return List.copyOf(best.values());
  }

  private static void walk(Graph<Asset, Edge> graph, Chain at, Map<Asset, Chain> best) {
    for (Edge e : graph.outgoingEdgesOf(at.foothold())) {
      Asset next = graph.getEdgeTarget(e);
      if (at.vertices().contains(next)) {
        continue;
      }
      List<Asset> vertices = new ArrayList<>(at.vertices());
      vertices.add(next);
      List<Edge> edges = new ArrayList<>(at.edges());
      edges.add(e);
      Chain c = new Chain(next, vertices, edges, at.likelihood() * e.likelihood(), at.prior());
      boolean carrier = next.kind() == Asset.Kind.SERVICE || next.kind() == Asset.Kind.ROUTE;
      if (carrier && vertices.size() < 4) {
        walk(graph, c, best);
      } else if (!carrier) {
        Chain known = best.get(next);
        if (known == null || c.likelihood() > known.likelihood()) {
          best.put(next, c);
        }
      }
    }
  }

  private static long micros(AttackPath p) {
    return Math.round(p.likelihood() * 1_000_000);
  }

  /**
   * The steps that take the attacker somewhere: those into a Service or route only carry traffic.
   */
  static int attackerSteps(AttackPath p) {
    return (int)
        p.steps().stream()
            .filter(s -> s.to().kind() != Asset.Kind.SERVICE && s.to().kind() != Asset.Kind.ROUTE)
            .count();
  }

  private static List<Asset> assets(AttackPath p) {
    List<Asset> vertices = new ArrayList<>();
    vertices.add(p.entry());
    p.steps().forEach(s -> vertices.add(s.to()));
    return vertices;
  }

  /**
   * The first asset an attacker holds after the entry point, past the Services and routes that only
   * carry traffic: the frontend for {@code internet → Ingress → Service → frontend → ...}, the
   * binding for {@code Group/system:authenticated → RoleBinding → Secret}. Two paths from the same
   * entry through the same foothold to the same target tell one story; the most likely is kept.
   */
  static Asset foothold(List<Asset> vertices) {
    for (int i = 1; i < vertices.size(); i++) {
      Asset.Kind k = vertices.get(i).kind();
      if (k != Asset.Kind.SERVICE && k != Asset.Kind.ROUTE) {
        return vertices.get(i);
      }
    }
    return vertices.get(vertices.size() - 1);
  }

  /**
   * Ranks by score, then length, then text, and spreads the stories: the best path of every
   * distinct (entry point, foothold) comes before the second path of any, so that one route to many
   * targets (one binding that reads ten Secrets, one DaemonSet on twenty nodes) does not fill the
   * top of the list.
   */
  static List<AttackPath> diversified(List<AttackPath> paths) {
    Comparator<AttackPath> byScore = BY_SCORE;
    List<AttackPath> sorted = new ArrayList<>(paths);
    sorted.sort(byScore);
    Map<List<Asset>, Integer> seenStory = new HashMap<>();
    Map<AttackPath, Integer> round = new java.util.IdentityHashMap<>();
    for (AttackPath p : sorted) {
      List<Asset> story = List.of(p.entry(), foothold(assets(p)));
      round.put(p, seenStory.merge(story, 1, Integer::sum));
    }
    sorted.sort(Comparator.comparing((AttackPath p) -> round.get(p)).thenComparing(byScore));
    return sorted;
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
   * Whether {@code v} is another crown jewel than {@code target}: a path through it is that jewel's
   * story. A node on the way to cluster-admin is kept: root on a node is how many of them go on.
   */
  private static boolean otherJewel(
      Asset v, Set<Asset> targets, boolean toAdmin, Set<Asset> jewels) {
    return !targets.contains(v) && jewels.contains(v) && !(v.kind() == Asset.Kind.NODE && toAdmin);
  }

  private static AttackPath path(Target t, List<Asset> vertices, List<Edge> edges, double prior) {
    List<AttackPath.Step> steps = new ArrayList<>();
    double likelihood = prior;
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
      if (o.isPresent()
          && (a.kind() == Asset.Kind.SECRET
              || a.kind() == Asset.Kind.WORKLOAD
              || a.kind() == Asset.Kind.VOLUME)) {
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
    for (Asset a : sorted(g.assets())) {
      if (isTokenSecret(g, a)) {
        entries.add(a);
      }
    }
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

  /** A long-lived token Secret: its edge leads to the service account it authenticates as. */
  private static boolean isTokenSecret(AssetGraph g, Asset a) {
    return a.kind() == Asset.Kind.SECRET
        && g.graph().outgoingEdgesOf(a).stream().anyMatch(e -> e.type() == EdgeType.TOKEN_OF);
  }

  private static double prior(Asset entry) {
    return entry.kind() == Asset.Kind.SECRET ? LEAKED_TOKEN : 1.0;
  }

  private static List<Asset> sorted(Set<Asset> assets) {
    // Each id spelled once, not twice per comparison: every asset of the graph is sorted.
    List<Map.Entry<String, Asset>> byId = new ArrayList<>(assets.size());
    for (Asset a : assets) {
      byId.add(Map.entry(a.id(), a));
    }
    byId.sort(Map.Entry.comparingByKey());
    return byId.stream().map(Map.Entry::getValue).toList();
  }
}
