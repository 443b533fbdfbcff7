package dev.rampart.network;

import dev.rampart.snapshot.Workload;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the internet reaches workloads, hop by hop: first through a route that is open to the
 * internet and that NetworkPolicy admits, then from pod to pod as NetworkPolicy allows. Shortest
 * paths are searched on the classes of {@link Reachability}, so the cost does not grow with the
 * number of pods of a class.
 *
 * <p>The first hop is admitted when the workload's ingress admits an internet address on the
 * route's ports; for an Ingress, when its controller's pods may reach the workload (a controller
 * not in the snapshot is assumed to); the host network is never governed by NetworkPolicy.
 */
public final class InternetPaths {

  /** A workload the internet reaches directly, and through which routes. */
  public record Entry(PodEndpoint workload, List<Route> routes, PortSet ports, String note) {
    public Entry {
      routes = List.copyOf(routes);
    }
  }

  /**
   * One step of a path. The first step comes from the internet through {@code route}; the others go
   * from pod to pod, with the NetworkPolicy decision that allows them.
   */
  public record Hop(Endpoint from, PodEndpoint to, Route route, Decision decision, PortSet ports) {

    public String describe() {
      if (route != null) {
        return from.display()
            + " -> "
            + to.display()
            + " via "
            + route.describe()
            + " on "
            + ports.describe();
      }
      List<String> why = new ArrayList<>();
      for (Side s : List.of(decision.egress(), decision.ingress())) {
        if (s.status() == Side.Status.ISOLATED) {
          s.grants().stream()
              .filter(g -> g.ports().intersects(ports))
              .forEach(g -> why.add("allowed by " + g.rule().describe()));
        } else {
          why.add(s.explain());
        }
      }
      return from.display()
          + " -> "
          + to.display()
          + " on "
          + ports.describe()
          + " ("
          + String.join("; ", why)
          + ")";
    }
  }

  /** A chain of hops from the internet to a workload. */
  public record Path(List<Hop> hops) {
    public Path {
      hops = List.copyOf(hops);
    }

    public PodEndpoint target() {
      return hops.get(hops.size() - 1).to();
    }

    /** {@code internet -> storefront/Deployment/frontend -> payments/StatefulSet/db}. */
    public String summary() {
      StringBuilder sb = new StringBuilder("internet");
      hops.forEach(h -> sb.append(" -> ").append(h.to().display()));
      return sb.toString();
    }
  }

  private final Network network;
  private final Reachability reachability;
  private final List<Entry> entries = new ArrayList<>();
  private final Map<PodEndpoint, Entry> entryOf = new IdentityHashMap<>();
  private final int[] distance;
  private final int[] order;
  private final int[] parent;
  private final PodEndpoint[] entryOfClass;

  private InternetPaths(Network network) {
    this.network = network;
    this.reachability = network.reachability();
    Exposure exposure = network.exposure();
    IngressControllers controllers = new IngressControllers(network.snapshot());
    Map<Object, List<PodEndpoint>> controllersOf = new IdentityHashMap<>();
    for (PodEndpoint w : network.endpoints()) {
      List<Route> admitted = new ArrayList<>();
      PortSet ports = PortSet.NONE;
      String note = null;
      for (Route r : exposure.routesFromInternet(w.object())) {
        PortSet in = admitted(r, w, controllers, controllersOf);
        if (!in.isEmpty()) {
          admitted.add(r);
          ports = ports.union(in);
          if (note == null) {
            note = r.note();
          }
        }
      }
      if (!admitted.isEmpty()) {
        admitted.sort(Comparator.comparingInt(r -> r.kind().ordinal()));
        Entry e = new Entry(w, admitted, ports, note);
        entries.add(e);
        entryOf.put(w, e);
      }
    }
    // Paths start preferably where applications face the internet (a load balancer, an
    // Ingress), before node-level exposure (node ports, host ports, the host network).
    entries.sort(Comparator.comparingInt(e -> e.routes().get(0).kind().ordinal()));
    int classes = reachability.classCount();
    distance = new int[classes];
    order = new int[classes];
    parent = new int[classes];
    entryOfClass = new PodEndpoint[classes];
    Arrays.fill(distance, -1);
    Arrays.fill(parent, -1);
    Deque<Integer> queue = new ArrayDeque<>();
    int visited = 0;
    for (Entry e : entries) {
      int c = reachability.classOf(e.workload());
      if (distance[c] < 0) {
        distance[c] = 1;
        order[c] = visited++;
        entryOfClass[c] = e.workload();
        queue.add(c);
      }
    }
    while (!queue.isEmpty()) {
      int a = queue.poll();
      BitSet next = reachability.reachableClasses(a);
      for (int b = next.nextSetBit(0); b >= 0; b = next.nextSetBit(b + 1)) {
        if (distance[b] < 0) {
          distance[b] = distance[a] + 1;
          order[b] = visited++;
          parent[b] = a;
          queue.add(b);
        }
      }
    }
  }

  public static InternetPaths of(Network network) {
    return new InternetPaths(network);
  }

  /** The ports of {@code w} the route delivers internet traffic to, after NetworkPolicy. */
  private PortSet admitted(
      Route r,
      PodEndpoint w,
      IngressControllers controllers,
      Map<Object, List<PodEndpoint>> controllersOf) {
    switch (r.kind()) {
      case HOST_NETWORK:
        // Unknown ports (none declared or probed) make no entry: what listens is not known.
        return r.podPorts().isAll() ? PortSet.NONE : r.podPorts();
      case INGRESS:
        {
          List<PodEndpoint> serving =
              controllersOf.computeIfAbsent(
                  r.via(),
                  k ->
                      network
                          .snapshot()
                          .find("Ingress", r.via().namespace(), r.via().name())
                          .map(controllers::serving)
                          .orElse(List.of())
                          .stream()
                          .map(Workload::object)
                          .map(o -> network.endpoint(o).orElseThrow())
                          .toList());
          if (serving.isEmpty()) {
            return r.podPorts();
          }
          PortSet ports = PortSet.NONE;
          for (PodEndpoint c : serving) {
            ports = ports.union(network.decide(c, w).ports().intersect(r.podPorts()));
          }
          return ports;
        }
      case GATEWAY_ROUTE:
        return r.podPorts();
      default:
        return network.decide(ExternalEndpoint.INTERNET, w).ports().intersect(r.podPorts());
    }
  }

  /** The workloads the internet reaches directly (through an admitted route). */
  public List<Entry> entries() {
    return entries;
  }

  public Optional<Entry> entry(PodEndpoint w) {
    return Optional.ofNullable(entryOf.get(w));
  }

  /** How many hops from the internet to {@code w}; empty when it cannot be reached. */
  public Optional<Integer> hops(PodEndpoint w) {
    return pathTo(w).map(p -> p.hops().size());
  }

  /** A shortest path from the internet to {@code target} on any port. */
  public Optional<Path> pathTo(PodEndpoint target) {
    return pathTo(target, PortSet.ALL);
  }

  /**
   * A shortest path from the internet to {@code target} whose last hop allows a port of {@code
   * wanted}.
   */
  public Optional<Path> pathTo(PodEndpoint target, PortSet wanted) {
    Entry direct = entryOf.get(target);
    if (direct != null && direct.ports().intersects(wanted)) {
      return Optional.of(new Path(List.of(firstHop(direct, target))));
    }
    int t = reachability.contains(target) ? reachability.classOf(target) : -1;
    int best = -1;
    for (int c = 0; c < distance.length; c++) {
      if (distance[c] > 0 && (best < 0 || order[c] < order[best])) {
        PortSet ports =
            t >= 0
                ? reachability.ports(c, t)
                : network.decide(reachability.members(c).get(0), target).ports();
        if (ports.intersects(wanted)) {
          best = c;
        }
      }
    }
    if (best < 0) {
      return Optional.empty();
    }
    List<Integer> chain = new ArrayList<>();
    for (int c = best; c >= 0; c = parent[c]) {
      chain.add(0, c);
    }
    List<Hop> hops = new ArrayList<>();
    PodEndpoint first = entryOfClass[chain.get(0)];
    hops.add(firstHop(entryOf.get(first), first));
    PodEndpoint previous = first;
    for (int i = 1; i < chain.size(); i++) {
      PodEndpoint next = reachability.members(chain.get(i)).get(0);
      hops.add(podHop(previous, next, PortSet.ALL));
      previous = next;
    }
    hops.add(podHop(previous, target, wanted));
    return Optional.of(new Path(hops));
  }

  private static Hop firstHop(Entry e, PodEndpoint to) {
    return new Hop(ExternalEndpoint.INTERNET, to, e.routes().get(0), null, e.ports());
  }

  private Hop podHop(PodEndpoint from, PodEndpoint to, PortSet wanted) {
    Decision d = network.decide(from, to);
    return new Hop(from, to, null, d, d.ports().intersect(wanted));
  }
}
