package dev.rampart.risk;

import dev.rampart.checks.Finding;
import dev.rampart.checks.Severity;
import dev.rampart.config.RampartConfig.AssetGroup;
import dev.rampart.graph.AssetGroups;
import dev.rampart.graph.AttackPath;
import dev.rampart.graph.PathIndex;
import dev.rampart.network.Exposure;
import dev.rampart.network.InternetPaths;
import dev.rampart.network.Network;
import dev.rampart.rbac.Rbac;
import dev.rampart.rbac.ServiceAccountTokens;
import dev.rampart.rbac.Subject;
import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Snapshot;
import dev.rampart.snapshot.Workload;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns severity plus context into a priority from 0 to 100, with the reasons in words. Severity
 * sets the base; what makes a weakness reachable or its damage larger raises it: exposure to the
 * internet (more for a high or critical weakness there: the way in), reachability from the internet
 * through other workloads, membership of a critical asset group, a container escape on a DaemonSet
 * (every node), an RBAC grant held by a service account whose token runs in a workload.
 */
public final class Prioritizer {

  private static final String ESCAPE_TECHNIQUE = "mitre:t1611";

  private final Snapshot snapshot;
  private final Exposure exposure;
  private final Network network;
  private final AssetGroups groups;
  private final Rbac rbac;
  private final PathIndex paths;

  /**
   * What is known of each object a finding is about, worked out for its first finding: a workload
   * has ten findings on average, and the path from the internet alone walks every reachability
   * class. By identity, as the network analysis knows objects; synchronized, since a prioritizer
   * may be shared.
   */
  private final Map<KubeObject, Context> contexts =
      Collections.synchronizedMap(new IdentityHashMap<>());

  private final Map<KubeObject, Set<String>> routes =
      Collections.synchronizedMap(new IdentityHashMap<>());

  /**
   * @param routes open from the internet to the object
   * @param fromInternet the path through other workloads in words, only sought when no route is
   *     open
   */
  private record Context(
      Set<String> routes,
      Optional<String> fromInternet,
      Optional<AttackPath> bestPath,
      List<AssetGroup> groups) {}

  /** Exposure only: routes as they are open, without NetworkPolicy or paths through workloads. */
  public Prioritizer(Snapshot snapshot, Exposure exposure, AssetGroups groups) {
    this(snapshot, exposure, groups, PathIndex.empty());
  }

  /**
   * @param paths the attack paths found: a finding on one is raised, the more for a likelier and
   *     more damaging path
   */
  public Prioritizer(Snapshot snapshot, Exposure exposure, AssetGroups groups, PathIndex paths) {
    this.paths = paths;
    this.snapshot = snapshot;
    this.exposure = exposure;
    this.network = null;
    this.groups = groups;
    this.rbac = Rbac.of(snapshot);
  }

  /** With the network analysis: routes NetworkPolicy admits, and paths through workloads. */
  public Prioritizer(Snapshot snapshot, Network network, AssetGroups groups) {
    this(snapshot, network, groups, PathIndex.empty());
  }

  /** With the network analysis and the attack paths found. */
  public Prioritizer(Snapshot snapshot, Network network, AssetGroups groups, PathIndex paths) {
    this.paths = paths;
    this.snapshot = snapshot;
    this.exposure = network.exposure();
    this.network = network;
    this.groups = groups;
    this.rbac = Rbac.of(snapshot);
  }

  public Finding prioritize(Finding f) {
    List<String> reasons = new ArrayList<>();
    int priority = base(f);
    reasons.add("severity " + f.severity().id());
    Finding.Resource r = f.resource();
    Optional<KubeObject> object = snapshot.find(r.kind(), r.namespace(), r.name());
    if (object.isPresent()) {
      Context context = contexts.computeIfAbsent(object.get(), this::context);
      Set<String> routes = context.routes();
      if (!routes.isEmpty()) {
        priority += 20;
        reasons.add("exposed to the internet via " + String.join(", ", routes));
        if (f.severity().atLeast(Severity.HIGH)) {
          priority += 5;
          reasons.add(
              f.severity().id()
                  + " weakness on an internet-facing workload: a way in"
                  + " (exploit public-facing application, MITRE T1190)");
        }
      } else {
        Optional<String> path = context.fromInternet();
        if (path.isPresent()) {
          priority += 10;
          reasons.add("reachable from the internet: " + path.get());
        }
      }
      priority += heldByMountedToken(object.get(), f, reasons);
      Optional<AttackPath> path = context.bestPath();
      if (path.isPresent()) {
        priority += path.get().score() >= 40 ? 20 : 10;
        reasons.add(PathIndex.reason(path.get()));
      }
      for (AssetGroup g : context.groups()) {
        int boost = groupBoost(g.criticality());
        if (boost > 0) {
          priority += boost;
          reasons.add("in asset group " + g.name() + " (" + g.criticality() + ")");
        }
      }
    }
    if (f.frameworks().contains(ESCAPE_TECHNIQUE) && "DaemonSet".equals(r.kind())) {
      priority += 10;
      reasons.add("container escape on a DaemonSet: a foothold on every node");
    }
    return f.withPriority(Math.min(100, priority), reasons);
  }

  private Context context(KubeObject object) {
    Set<String> open = internetRoutes(object);
    return new Context(
        open,
        open.isEmpty()
            ? pathFromInternet(object).map(InternetPaths.Path::summary)
            : Optional.empty(),
        paths.bestPath(object),
        groups.of(object));
  }

  /**
   * A permission held by a service account whose token a running workload carries is one container
   * compromise away; more so when that workload faces the internet.
   */
  private int heldByMountedToken(KubeObject object, Finding f, List<String> reasons) {
    Optional<Subject> subject =
        rbac.binding(object)
            .flatMap(b -> b.subjectAt(f.evidence() == null ? null : f.evidence().path()));
    if (subject.isEmpty()) {
      return 0;
    }
    // In a stable order, not the snapshot's: a cluster and its manifests list objects differently.
    List<Workload> workloads =
        rbac.tokens().mountedBy(subject.get()).stream()
            .sorted(Comparator.comparing(w -> w.object().ref().display()))
            .toList();
    if (workloads.isEmpty()) {
      return 0;
    }
    Subject holder = subject.get();
    if (holder.isServiceAccount()) {
      reasons.add(
          "held by a service account mounted in " + ServiceAccountTokens.describe(workloads, 3));
    } else if (holder.serviceAccountGroupNamespace() != null) {
      reasons.add(
          "held by "
              + holder.display()
              + ", whose members' tokens are mounted in "
              + ServiceAccountTokens.describe(workloads, 3));
    } else {
      reasons.add("held by " + holder.display() + ": every service-account token of the cluster");
    }
    for (Workload w : workloads) {
      Set<String> routes = internetRoutes(w.object());
      if (!routes.isEmpty()) {
        reasons.add(
            "a token that holds it runs in "
                + w.object().ref().display()
                + ", exposed to the internet via "
                + String.join(", ", routes));
        return 25;
      }
    }
    return 15;
  }

  /** The routes open to the internet, those NetworkPolicy admits when the analysis is known. */
  private Set<String> internetRoutes(KubeObject object) {
    return routes.computeIfAbsent(object, this::openRoutes);
  }

  private Set<String> openRoutes(KubeObject object) {
    if (network == null) {
      return exposure.internetRoutes(object);
    }
    Set<String> open = new LinkedHashSet<>();
    network
        .workload(object)
        .flatMap(e -> network.internetPaths().entry(e))
        .ifPresent(e -> e.routes().forEach(r -> open.add(r.describe())));
    return Collections.unmodifiableSet(open);
  }

  private Optional<InternetPaths.Path> pathFromInternet(KubeObject object) {
    // Only what listens can be reached: a workload without ports or Services is left alone.
    if (network == null || !exposure.listens(object)) {
      return Optional.empty();
    }
    return network.workload(object).flatMap(e -> network.internetPaths().pathTo(e));
  }

  private static int base(Finding f) {
    return switch (f.severity()) {
      case CRITICAL -> 70;
      case HIGH -> 55;
      case MEDIUM -> 35;
      case LOW -> 15;
      case INFO -> 5;
    };
  }

  private static int groupBoost(String criticality) {
    return switch (criticality.toLowerCase(Locale.ROOT)) {
      case "critical" -> 15;
      case "high" -> 10;
      case "medium" -> 5;
      default -> 0;
    };
  }
}
