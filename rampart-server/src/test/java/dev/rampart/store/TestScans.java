package dev.rampart.store;

import dev.rampart.checks.BuiltInChecks;
import dev.rampart.checks.Category;
import dev.rampart.checks.CheckRun;
import dev.rampart.checks.Finding;
import dev.rampart.checks.Severity;
import dev.rampart.config.ConfigLoader;
import dev.rampart.config.RampartConfig;
import dev.rampart.scan.Coverage;
import dev.rampart.scan.ScanOptions;
import dev.rampart.scan.ScanResult;
import dev.rampart.scan.Scanner;
import dev.rampart.scan.Summary;
import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Snapshot;
import dev.rampart.source.demo.DemoCluster;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Scans to store in tests: the demo cluster as the scanner sees it, and a hostile one. */
public final class TestScans {

  /** Strings a cluster can hold that must come back as data, never as markup or script. */
  public static final String HOSTILE =
      "</script><script>alert(\"x\")</script><img src=x onerror=alert(1)> & 'quote' \\ \u2028";

  private static Scanned demo;

  private TestScans() {}

  /** A scan, the snapshot it was made from and the configuration, as the CLI would store it. */
  public record Scanned(ScanResult result, Snapshot snapshot, RampartConfig config, NewScan scan) {}

  /** The demo cluster, scanned once per test JVM: it takes seconds. */
  public static synchronized Scanned demo() {
    if (demo == null) {
      demo = demo(o -> true, Instant.parse("2026-01-01T10:00:00.123456Z"));
    }
    return demo;
  }

  /**
   * The demo cluster with only the objects {@code keep} accepts. The scan's start is the clock's
   * (the scanner takes it); {@code now} is the day exceptions are judged on.
   */
  public static Scanned demo(Predicate<KubeObject> keep, Instant now) {
    Snapshot full = DemoCluster.load();
    Snapshot snapshot =
        new Snapshot(full.source(), full.objects().stream().filter(keep).toList(), full.problems());
    RampartConfig config = demoConfig();
    Scanner scanner = new Scanner(BuiltInChecks.all(), config, "demo/rampart.yaml");
    ScanResult result = scanner.scan(snapshot, new ScanOptions(List.of(), Severity.INFO, now));
    NewScan scan = NewScan.of(result, scanner.catalog(), "test", snapshot, config.assetGroups());
    return new Scanned(result, snapshot, config, scan);
  }

  private static RampartConfig demoConfig() {
    Set<String> ids =
        BuiltInChecks.all().stream().map(c -> c.descriptor().id()).collect(Collectors.toSet());
    try {
      return new ConfigLoader().load("demo/rampart.yaml", DemoCluster.config(), ids);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** One finding whose every cluster-provided string is hostile. */
  public static NewScan hostile() {
    Finding f =
        new Finding(
            "hostile00000000000001",
            "privileged-container",
            "Privileged container",
            Severity.CRITICAL,
            Category.WORKLOAD,
            90,
            List.of("reason " + HOSTILE),
            new Finding.Resource("v1", "Pod", "ns-" + HOSTILE, "pod-" + HOSTILE, HOSTILE),
            new Finding.Location("evil/" + HOSTILE + ".yaml", 3, 1, null),
            "message " + HOSTILE,
            new Finding.Evidence("spec.containers[0].securityContext.privileged", "true"),
            List.of("pss:baseline"),
            new Finding.Remediation("fix " + HOSTILE, null));
    ScanResult result =
        new ScanResult(
            "scan-" + HOSTILE,
            // Now: the scanner stamps its own start, so this is the newest of a test's scans.
            Instant.now(),
            12,
            "files " + HOSTILE,
            "cluster " + HOSTILE,
            new Coverage(
                1,
                Map.of("Pod", 1),
                List.of(),
                List.of(),
                List.of(),
                List.of(new CheckRun.Tally("privileged-container", 0, 1, 0, List.of()))),
            new Summary(
                Map.of("critical", 1, "high", 0, "medium", 0, "low", 0, "info", 0),
                Map.of("workload", 1),
                90),
            List.of(f),
            List.of(),
            List.of());
    return new NewScan(result, "test", Map.of(f.id(), List.of("group " + HOSTILE)), Map.of());
  }

  /**
   * A scan of {@code n} findings, more than one chunk of the store's batches when {@code n} is
   * large: severities in turn, every third finding in group "even-third", two findings of each pod;
   * its summary counts what it holds.
   */
  public static NewScan many(int n, Instant startedAt) {
    List<Finding> findings = new java.util.ArrayList<>();
    Map<String, List<String>> groups = new java.util.LinkedHashMap<>();
    Map<String, Integer> bySeverity = new java.util.LinkedHashMap<>();
    for (Severity s : Severity.values()) {
      bySeverity.put(s.id(), 0);
    }
    for (int i = 0; i < n; i++) {
      Severity severity = Severity.values()[i % Severity.values().length];
      String id = String.format(java.util.Locale.ROOT, "many%017d", i);
      findings.add(
          new Finding(
              id,
              "privileged-container",
              "Privileged container",
              severity,
              Category.WORKLOAD,
              100 - i * 100 / n,
              List.of("reason"),
              new Finding.Resource("v1", "Pod", "ns-" + i % 7, "pod-" + i / 2, "main"),
              null,
              "finding " + i,
              new Finding.Evidence("spec.containers[0].securityContext.privileged", "true"),
              List.of(),
              new Finding.Remediation("fix", null)));
      bySeverity.merge(severity.id(), 1, Integer::sum);
      if (i % 3 == 0) {
        groups.put(id, List.of("even-third"));
      }
    }
    ScanResult result =
        new ScanResult(
            "many-" + n,
            startedAt,
            12,
            "files",
            "many",
            new Coverage(1, Map.of("Pod", n), List.of(), List.of(), List.of(), List.of()),
            new Summary(bySeverity, Map.of("workload", n), 10),
            findings,
            List.of(),
            List.of());
    return new NewScan(result, "test", groups, Map.of());
  }
}
