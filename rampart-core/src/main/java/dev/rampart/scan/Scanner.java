package dev.rampart.scan;

import dev.rampart.checks.Check;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckDescriptor;
import dev.rampart.checks.CheckRun;
import dev.rampart.checks.CheckRunner;
import dev.rampart.checks.Finding;
import dev.rampart.checks.Severity;
import dev.rampart.checks.SeverityOverrides;
import dev.rampart.checks.version.VersionData;
import dev.rampart.config.RampartConfig;
import dev.rampart.config.RampartConfig.AssetGroup;
import dev.rampart.data.VersionDataFile;
import dev.rampart.graph.AssetGraph;
import dev.rampart.graph.AssetGroups;
import dev.rampart.graph.AttackPath;
import dev.rampart.graph.AttackPaths;
import dev.rampart.graph.PathIndex;
import dev.rampart.network.Network;
import dev.rampart.rbac.Rbac;
import dev.rampart.risk.Prioritizer;
import dev.rampart.snapshot.Gap;
import dev.rampart.snapshot.InputProblem;
import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Snapshot;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One scan: runs the enabled checks over a snapshot, applies exceptions, prioritizes, and sums up.
 * Pure: the snapshot and the configuration in, a {@link ScanResult} out.
 */
public final class Scanner {

  /** Severity weights of the posture score: a failed critical costs ten times a failed low. */
  private static final Map<Severity, Integer> WEIGHTS =
      Map.of(
          Severity.CRITICAL,
          10,
          Severity.HIGH,
          6,
          Severity.MEDIUM,
          3,
          Severity.LOW,
          1,
          Severity.INFO,
          0);

  private static final String DEFAULT_CLUSTER = "default";

  private final List<Check> checks;
  private final RampartConfig config;
  private final String configName;
  private final VersionData versions;

  /**
   * A scanner with the version data bundled with Rampart.
   *
   * @param catalog every check available; those the configuration disables are left out
   * @param configName how to cite the configuration file in reports, e.g. {@code rampart.yaml}
   */
  public Scanner(List<Check> catalog, RampartConfig config, String configName) {
    this(catalog, config, configName, VersionDataFile.bundled());
  }

  /**
   * @param versions Kubernetes releases and known vulnerabilities, e.g. {@code
   *     DataStore.defaults().active().data()}
   */
  public Scanner(
      List<Check> catalog, RampartConfig config, String configName, VersionData versions) {
    this.versions = versions;
    Set<String> disabled = Set.copyOf(config.checks().disable());
    this.checks = catalog.stream().filter(c -> !disabled.contains(c.descriptor().id())).toList();
    this.config = config;
    this.configName = configName;
  }

  /** The checks this scanner runs, with their effective metadata (severity overrides applied). */
  public List<CheckDescriptor> catalog() {
    SeverityOverrides overrides = overrides();
    return checks.stream().map(c -> overrides.apply(c.descriptor())).toList();
  }

  public ScanResult scan(Snapshot input, ScanOptions options) {
    return scan(input, options, new Timings());
  }

  /**
   * @param timings receives a lap per stage: rbac, network, checks, graph, paths, risk. The graph
   *     and the attack paths are built while the checks run: their laps are the wait for them after
   *     the checks
   */
  public ScanResult scan(Snapshot input, ScanOptions options, Timings timings) {
    Instant started = Instant.now();
    timings.restart();
    Snapshot snapshot = restrict(input, options.namespaces());
    String cluster = config.cluster() == null ? DEFAULT_CLUSTER : config.cluster();
    CheckContext context = new CheckContext(config.trustedRegistries(), options.now(), versions);
    // The RBAC and network analyses are cached per snapshot and shared by the checks, the graph and
    // the risk layer: building them first charges them to their own stages. Neither needs the
    // other, and each alone kept one core busy and the other idle: the network analysis is built on
    // a thread of its own while RBAC is built here, and its lap is what is left to wait for.
    Analyzing analyzing = Analyzing.start(snapshot);
    Rbac.of(snapshot);
    timings.lap("rbac");
    Network network = analyzing.network();
    timings.lap("network");
    AssetGroups groups = new AssetGroups(config.assetGroups());
    Graphing graphing = Graphing.start(snapshot, groups, versions);
    CheckRun run = new CheckRunner(checks, cluster).run(snapshot, context, overrides());
    timings.lap("checks");

    LocalDate today = LocalDate.ofInstant(options.now(), ZoneOffset.UTC);
    Exceptions exceptions = new Exceptions(config.exceptions(), configName, snapshot, today);
    // Built while the checks ran: these laps are what is left to wait for.
    AssetGraph graph = graphing.graph();
    timings.lap("graph");
    AttackPaths.Result paths = graphing.paths();
    timings.lap("paths");
    Prioritizer prioritizer =
        new Prioritizer(snapshot, network, groups, PathIndex.of(graph, paths.paths()));

    List<Finding> findings = new ArrayList<>();
    List<AppliedException> applied = new ArrayList<>();
    for (Finding f : run.findings()) {
      if (!inScope(f, options)) {
        continue;
      }
      Optional<AppliedException> exception = exceptions.match(f);
      if (exception.isPresent()) {
        applied.add(exception.get());
      } else {
        findings.add(prioritizer.prioritize(f));
      }
    }
    findings.sort(ORDER);
    timings.lap("risk");

    List<InputProblem> errors = new ArrayList<>();
    List<InputProblem> warnings = new ArrayList<>();
    for (InputProblem p : input.problems()) {
      (p.isError() ? errors : warnings).add(p);
    }
    warnings.addAll(exceptions.warnings());
    List<Coverage.NotEvaluated> notEvaluated = new ArrayList<>();
    for (CheckRun.Tally t : run.tallies()) {
      t.notEvaluated()
          .forEach(reason -> notEvaluated.add(new Coverage.NotEvaluated(t.checkId(), reason)));
    }
    Coverage coverage =
        new Coverage(
            snapshot.objects().size(),
            snapshot.countByKind(),
            notEvaluated,
            errors,
            warnings,
            run.tallies());
    List<AssetGroupPosture> posture = posture(snapshot, groups, graph, findings, paths);
    timings.lap("summary");
    return new ScanResult(
        UUID.randomUUID().toString(),
        started,
        Duration.between(started, Instant.now()).toMillis(),
        input.source(),
        cluster,
        coverage,
        summarize(findings, run),
        findings,
        applied,
        exceptions.expired(),
        paths.paths(),
        paths.bounds(),
        posture);
  }

  /** Each asset group of the configuration: its findings, score and the paths that reach it. */
  private static List<AssetGroupPosture> posture(
      Snapshot snapshot,
      AssetGroups groups,
      AssetGraph graph,
      List<Finding> findings,
      AttackPaths.Result paths) {
    List<AssetGroupPosture> result = new ArrayList<>();
    for (AssetGroup g : groups.all()) {
      int objects = 0;
      for (KubeObject o : snapshot.objects()) {
        if (groups.of(o).contains(g)) {
          objects++;
        }
      }
      Map<String, Integer> bySeverity = new LinkedHashMap<>();
      for (Severity s : Severity.values()) {
        bySeverity.put(s.id(), 0);
      }
      int penalty = 0;
      for (Finding f : findings) {
        Finding.Resource r = f.resource();
        Optional<KubeObject> o = snapshot.find(r.kind(), r.namespace(), r.name());
        if (o.isPresent() && groups.of(o.get()).contains(g)) {
          bySeverity.merge(f.severity().id(), 1, Integer::sum);
          penalty += WEIGHTS.get(f.severity());
        }
      }
      List<String> reaching = new ArrayList<>();
      for (AttackPath p : paths.paths()) {
        Optional<KubeObject> target = graph.object(p.target());
        if (target.isPresent() && groups.of(target.get()).contains(g)) {
          reaching.add(p.id());
        }
      }
      result.add(
          new AssetGroupPosture(
              g.name(),
              g.criticality(),
              g.description(),
              objects,
              bySeverity,
              Math.max(0, 100 - penalty),
              reaching));
    }
    return result;
  }

  /**
   * Highest priority first; ties by severity, check, kind, namespace, name, container and field.
   * Written out rather than chained from key extractors: the chain's lambdas, megamorphic, took
   * almost a tenth of the scan after the checks to sort the findings of a large cluster.
   */
  static final Comparator<Finding> ORDER = Scanner::compare;

  private static int compare(Finding a, Finding b) {
    int c = Integer.compare(b.priority(), a.priority());
    if (c == 0) {
      c = a.severity().compareTo(b.severity());
    }
    if (c == 0) {
      c = a.checkId().compareTo(b.checkId());
    }
    Finding.Resource x = a.resource();
    Finding.Resource y = b.resource();
    if (c == 0) {
      c = x.kind().compareTo(y.kind());
    }
    if (c == 0) {
      c = Objects.toString(x.namespace(), "").compareTo(Objects.toString(y.namespace(), ""));
    }
    if (c == 0) {
      c = x.name().compareTo(y.name());
    }
    if (c == 0) {
      c = Objects.toString(x.container(), "").compareTo(Objects.toString(y.container(), ""));
    }
    if (c == 0) {
      c =
          Objects.toString(a.evidence().path(), "")
              .compareTo(Objects.toString(b.evidence().path(), ""));
    }
    return c;
  }

  private SeverityOverrides overrides() {
    Map<String, Severity> bySeverity = new HashMap<>();
    config.checks().severity().forEach((id, s) -> bySeverity.put(id, Severity.parse(s)));
    return new SeverityOverrides(bySeverity);
  }

  private static boolean inScope(Finding f, ScanOptions options) {
    if (!f.severity().atLeast(options.minSeverity())) {
      return false;
    }
    return options.namespaces().isEmpty()
        || (f.resource().namespace() != null
            && options.namespaces().contains(f.resource().namespace()));
  }

  /**
   * With namespaces given, the checks see those namespaces and the cluster-scoped objects, and only
   * the gaps in what they see.
   */
  private static Snapshot restrict(Snapshot snapshot, List<String> namespaces) {
    if (namespaces.isEmpty()) {
      return snapshot;
    }
    List<KubeObject> kept =
        snapshot.objects().stream()
            .filter(o -> o.namespace() == null || namespaces.contains(o.namespace()))
            .toList();
    List<Gap> gaps =
        snapshot.gaps().stream()
            .filter(g -> g.namespace() == null || namespaces.contains(g.namespace()))
            .toList();
    return new Snapshot(snapshot.source(), kept, snapshot.problems(), snapshot.clusterInfo(), gaps);
  }

  private Summary summarize(List<Finding> findings, CheckRun run) {
    Map<String, Integer> bySeverity = new LinkedHashMap<>();
    for (Severity s : Severity.values()) {
      bySeverity.put(s.id(), 0);
    }
    Map<String, Integer> byCategory = new LinkedHashMap<>();
    Map<String, Set<String>> failingObjects = new HashMap<>();
    for (Finding f : findings) {
      count(f, bySeverity, byCategory, failingObjects);
    }
    return new Summary(bySeverity, byCategory, score(run, failingObjects));
  }

  /**
   * One finding's share of the summary. A method of its own, called per finding, so that the quick
   * compiler compiles it: a loop run once is interpreted to its end, and this one was a twentieth
   * of the scan after the checks.
   */
  private static void count(
      Finding f,
      Map<String, Integer> bySeverity,
      Map<String, Integer> byCategory,
      Map<String, Set<String>> failingObjects) {
    bySeverity.merge(f.severity().id(), 1, Integer::sum);
    byCategory.merge(f.category().id(), 1, Integer::sum);
    Finding.Resource r = f.resource();
    failingObjects
        .computeIfAbsent(f.checkId(), k -> new HashSet<>())
        .add(r.kind() + '/' + r.namespace() + '/' + r.name());
  }

  /**
   * The severity-weighted share of evaluations that passed. An object whose findings were all
   * accepted as exceptions (or filtered out) counts as passing.
   */
  private int score(CheckRun run, Map<String, Set<String>> failingObjects) {
    Map<String, Severity> severities = new HashMap<>();
    SeverityOverrides overrides = overrides();
    checks.forEach(
        c -> severities.put(c.descriptor().id(), overrides.apply(c.descriptor()).severity()));
    long total = 0;
    long passed = 0;
    for (CheckRun.Tally t : run.tallies()) {
      int weight = WEIGHTS.get(severities.get(t.checkId()));
      int evaluated = t.passed() + t.failed();
      int failing = failingObjects.getOrDefault(t.checkId(), Set.of()).size();
      total += (long) weight * evaluated;
      passed += (long) weight * (evaluated - failing);
    }
    return total == 0 ? 100 : (int) Math.round(100.0 * passed / total);
  }
}
