package dev.rampart.cli;

import dev.rampart.checks.Finding;
import dev.rampart.checks.Severity;
import dev.rampart.report.Baseline;
import dev.rampart.report.ReportContext;
import dev.rampart.report.ReportFormat;
import dev.rampart.scan.ScanOptions;
import dev.rampart.scan.ScanResult;
import dev.rampart.scan.Timings;
import dev.rampart.snapshot.InputProblem;
import dev.rampart.snapshot.Snapshot;
import dev.rampart.store.Database;
import dev.rampart.store.ScanStore;
import dev.rampart.store.StoreException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
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
      names = "--store",
      description =
          "keep the scan in the scan database (--db, RAMPART_DB, else ~/.rampart/) for history,"
              + " diffs, --baseline and rampart serve; implied by --db")
  boolean store;

  @Mixin StoreOptions database;

  @Option(
      names = "--baseline",
      paramLabel = "SCAN-ID|FILE",
      description =
          "compare with an earlier scan by finding id: a stored scan's id or a JSON report"
              + " (-f json); the report marks the new findings")
  String baseline;

  @Option(
      names = "--fail-on-new",
      description =
          "with --baseline: exit with 1 only for new findings (at or above --fail-on when given)")
  boolean failOnNew;

  @Option(
      names = "--timings",
      description =
          "print the wall and CPU time of each stage (parse, rbac, network, checks, graph, paths,"
              + " risk, summary, report) and the peak heap on standard error")
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
    if (parseOnly) {
      Snapshot snapshot = source.read(paths, namespaces, spec.commandLine().getErr());
      laps.lap("parse");
      spec.commandLine()
          .getErr()
          .printf(
              "rampart: parsed %d objects, %d input problems%n",
              snapshot.objects().size(), snapshot.problems().size());
      printTimings(laps, heap);
      return SourceOptions.exitCode(snapshot).code();
    }
    ReportFormat reportFormat = parse(() -> ReportFormat.parse(format));
    Severity gate = failOn == null ? null : parse(() -> Severity.parse(failOn));
    Severity min = minSeverity == null ? Severity.INFO : parse(() -> Severity.parse(minSeverity));
    if (top < 0) {
      throw new UsageException("--top must be 0 (all) or a positive number");
    }

    if (failOnNew && baseline == null) {
      throw new UsageException("--fail-on-new needs --baseline SCAN-ID|FILE");
    }
    // Read before scanning: a missing baseline is a usage error, not a wasted scan.
    BaselineSource.Loaded earlier =
        baseline == null ? null : new BaselineSource(baseline, database).load();
    Scanning.Outcome outcome =
        new Scanning(source, paths, config)
            .run(
                new ScanOptions(namespaces, min, Instant.now()), spec.commandLine().getErr(), laps);
    ScanResult result = outcome.result();
    Baseline compared =
        earlier == null
            ? null
            : Baseline.compare(earlier.description(), earlier.findingIds(), result.findings());

    reportProblems(result);
    ReportContext context =
        ReportContext.of(outcome.scanner().catalog(), Version.current())
            .withColour(output == null && Terminal.colour(noColor))
            .withTop(top)
            .withBaseline(compared);
    laps.restart();
    try (OutputStream out = open()) {
      reportFormat.writer().write(result, context, out);
    }
    laps.lap("report");
    printTimings(laps, heap);
    if (output != null) {
      spec.commandLine().getErr().println("rampart: report written to " + output);
    }
    if (store || database.db != null) {
      save(outcome);
    }
    ExitCode exit = exitCode(result, failOnNew ? compared : null, gate, requireCoverage);
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

  private void save(Scanning.Outcome outcome) {
    try (Database db = database.open()) {
      long id = new ScanStore(db.dataSource()).save(outcome.toStore());
      spec.commandLine().getErr().println("rampart: scan stored as " + id);
    } catch (StoreException e) {
      throw new InputException(e.getMessage(), e);
    }
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

  /**
   * @param onlyNew with {@code --fail-on-new}: only the findings new against it gate
   */
  private static ExitCode exitCode(
      ScanResult result, Baseline onlyNew, Severity gate, boolean requireCoverage) {
    if (result.hasInputErrors()) {
      return ExitCode.INPUT_ERROR;
    }
    if (requireCoverage && !result.coverage().notEvaluated().isEmpty()) {
      return ExitCode.COVERAGE_INCOMPLETE;
    }
    if (gate != null || onlyNew != null) {
      for (Finding f : result.findings()) {
        boolean counts = onlyNew == null || onlyNew.isNew(f);
        if (counts && (gate == null || f.severity().atLeast(gate))) {
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
