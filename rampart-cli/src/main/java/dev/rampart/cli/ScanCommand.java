package dev.rampart.cli;

import dev.rampart.checks.BuiltInChecks;
import dev.rampart.checks.Check;
import dev.rampart.checks.Finding;
import dev.rampart.checks.Severity;
import dev.rampart.config.ConfigException;
import dev.rampart.config.ConfigLoader;
import dev.rampart.config.RampartConfig;
import dev.rampart.data.DataStore;
import dev.rampart.report.ReportContext;
import dev.rampart.report.ReportFormat;
import dev.rampart.scan.ScanOptions;
import dev.rampart.scan.ScanResult;
import dev.rampart.scan.Scanner;
import dev.rampart.scan.Timings;
import dev.rampart.snapshot.InputProblem;
import dev.rampart.snapshot.Snapshot;
import dev.rampart.source.demo.DemoCluster;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    description = {
      "Scan a cluster, manifests, a snapshot or the demo, and report what to fix first.",
      "Without PATH, --snapshot or --demo it reads the cluster of the current kubeconfig",
      "context (inside a pod: its service account), read-only. PATH: files, directories,",
      "- for standard input."
    })
final class ScanCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "PATH",
      arity = "0..*",
      description = "YAML/JSON manifests, directories (read recursively) or - for stdin")
  List<String> paths = new ArrayList<>();

  @Mixin SourceOptions source;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "rampart.yaml: asset groups, exceptions, trusted registries, check settings")
  Path config;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table, json, sarif, junit or html (default: ${DEFAULT-VALUE})")
  String format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "write the report to FILE instead of standard output")
  Path output;

  @Option(
      names = "--fail-on",
      paramLabel = "SEVERITY",
      description =
          "exit with 1 when a finding is at or above SEVERITY (critical, high, medium, low)")
  String failOn;

  @Option(
      names = "--min-severity",
      paramLabel = "SEVERITY",
      description = "leave out findings below SEVERITY")
  String minSeverity;

  @Option(
      names = {"-n", "--namespace"},
      paramLabel = "NS",
      split = ",",
      description = "only report findings in these namespaces (repeatable, comma-separated)")
  List<String> namespaces = new ArrayList<>();

  @Option(
      names = "--top",
      paramLabel = "N",
      defaultValue = "0",
      description = "table format: show only the N highest-priority findings")
  int top;

  @Option(names = "--no-color", description = "never colour the table (NO_COLOR is honoured too)")
  boolean noColor;

  @Option(
      names = "--require-coverage",
      description =
          "exit with 4 when a check could not be evaluated (a permission missing, a kind not"
              + " served, a setting not configured)")
  boolean requireCoverage;

  @Option(
      names = "--timings",
      description =
          "print the wall time of each stage (parse, rbac, network, checks, graph, paths, risk,"
              + " summary, report) and the peak heap on standard error")
  boolean timings;

  /** For benchmarks: the floor a scan is measured against is reading its input. */
  @Option(
      names = "--parse-only",
      hidden = true,
      description = "read and index the input, report how many objects, and stop")
  boolean parseOnly;

  @Override
  public Integer call() throws IOException {
    HeapPeak heap = timings ? HeapPeak.start() : null;
    Timings laps = new Timings();
    ReportFormat reportFormat = parse(() -> ReportFormat.parse(format));
    Severity gate = failOn == null ? null : parse(() -> Severity.parse(failOn));
    Severity min = minSeverity == null ? Severity.INFO : parse(() -> Severity.parse(minSeverity));
    if (top < 0) {
      throw new UsageException("--top must be 0 (all) or a positive number");
    }

    List<Check> catalog = BuiltInChecks.all();
    RampartConfig rampartConfig = loadConfig(catalog);
    laps.restart();
    Snapshot snapshot = source.read(paths, namespaces, spec.commandLine().getErr());
    laps.lap("parse");
    if (parseOnly) {
      spec.commandLine()
          .getErr()
          .printf(
              "rampart: parsed %d objects, %d input problems%n",
              snapshot.objects().size(), snapshot.problems().size());
      printTimings(laps, heap);
      return SourceOptions.exitCode(snapshot).code();
    }
    DataStore.Active versions = DataStore.defaults().active();
    versions.warnings().forEach(w -> spec.commandLine().getErr().println("rampart: warning: " + w));
    Scanner scanner =
        new Scanner(
            catalog,
            rampartConfig,
            config != null ? config.toString() : configName(),
            versions.data());
    ScanResult result =
        scanner.scan(snapshot, new ScanOptions(namespaces, min, Instant.now()), laps);

    reportProblems(result);
    ReportContext context =
        ReportContext.of(scanner.catalog(), Version.current())
            .withColour(output == null && Terminal.colour(noColor))
            .withTop(top);
    laps.restart();
    try (OutputStream out = open()) {
      reportFormat.writer().write(result, context, out);
    }
    laps.lap("report");
    printTimings(laps, heap);
    if (output != null) {
      spec.commandLine().getErr().println("rampart: report written to " + output);
    }
    ExitCode exit = exitCode(result, gate, requireCoverage);
    if (exit == ExitCode.COVERAGE_INCOMPLETE) {
      long checks =
          result.coverage().notEvaluated().stream().map(n -> n.checkId()).distinct().count();
      spec.commandLine()
          .getErr()
          .println(
              "rampart: coverage incomplete: "
                  + checks
                  + (checks == 1 ? " check was" : " checks were")
                  + " not evaluated (--require-coverage); the report's coverage says why");
    }
    return exit.code();
  }

  private void printTimings(Timings laps, HeapPeak heap) {
    if (heap != null) {
      long total = laps.millis().values().stream().mapToLong(Long::longValue).sum();
      long cpu = laps.cpuMillis().values().stream().mapToLong(Long::longValue).sum();
      spec.commandLine()
          .getErr()
          .printf(
              "rampart: timings: %s total=%dms/%dcpu peak-heap=%dMiB%n",
              laps, total, cpu, heap.peakMiB());
    }
  }

  private String configName() {
    return source.demo ? "demo/rampart.yaml" : "rampart.yaml";
  }

  private RampartConfig loadConfig(List<Check> catalog) {
    Set<String> ids = catalog.stream().map(c -> c.descriptor().id()).collect(Collectors.toSet());
    ConfigLoader loader = new ConfigLoader();
    try {
      if (config != null) {
        return loader.load(config, ids);
      }
      return source.demo
          ? loader.load(configName(), DemoCluster.config(), ids)
          : RampartConfig.EMPTY;
    } catch (ConfigException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /** Diagnostics go to standard error, so that the report on stdout stays machine-readable. */
  private void reportProblems(ScanResult result) {
    PrintWriter err = spec.commandLine().getErr();
    for (InputProblem p : result.coverage().errors()) {
      err.println("rampart: error: " + p.describe());
    }
    for (InputProblem p : result.coverage().warnings()) {
      err.println("rampart: warning: " + p.describe());
    }
    err.flush();
  }

  private OutputStream open() throws IOException {
    if (output == null) {
      return new BufferedOutputStream(new NonClosing(System.out), 65536);
    }
    Path parent = output.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    return new BufferedOutputStream(Files.newOutputStream(output), 65536);
  }

  private static ExitCode exitCode(ScanResult result, Severity gate, boolean requireCoverage) {
    if (result.hasInputErrors()) {
      return ExitCode.INPUT_ERROR;
    }
    if (requireCoverage && !result.coverage().notEvaluated().isEmpty()) {
      return ExitCode.COVERAGE_INCOMPLETE;
    }
    if (gate != null) {
      for (Finding f : result.findings()) {
        if (f.severity().atLeast(gate)) {
          return ExitCode.FINDINGS;
        }
      }
    }
    return ExitCode.OK;
  }

  private static <T> T parse(java.util.function.Supplier<T> parser) {
    try {
      return parser.get();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }
}
