package dev.rampart.cli;

import dev.rampart.checks.version.KnownVulnerability;
import dev.rampart.checks.version.KubernetesRelease;
import dev.rampart.checks.version.VersionData;
import dev.rampart.data.DataFileException;
import dev.rampart.data.DataStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "data",
    mixinStandardHelpOptions = true,
    description = {
      "The version data Rampart judges versions with: Kubernetes releases and their end of life,",
      "known vulnerabilities of the API server, kubelets, runtimes, kernels and ingress-nginx.",
      "Bundled with Rampart; a newer file can be installed offline. Never touches the network."
    },
    subcommands = {DataCommand.Show.class, DataCommand.Update.class})
final class DataCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Where installed data lives: {@code --data-dir}, else $RAMPART_DATA_DIR or ~/.rampart/data. */
  static final class Location {

    @Option(
        names = "--data-dir",
        paramLabel = "DIR",
        description = "where installed data lives (default: $RAMPART_DATA_DIR or ~/.rampart/data)")
    Path dir;

    DataStore store() {
      return dir == null ? DataStore.defaults() : new DataStore(dir);
    }
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Show the version data in use: its version, date, coverage and sources.")
  static final class Show implements Callable<Integer> {

    @Spec CommandSpec spec;

    @picocli.CommandLine.Mixin Location location = new Location();

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      DataStore store = location.store();
      DataStore.Active active = store.active();
      active.warnings().forEach(w -> err.println("rampart: warning: " + w));
      VersionData data = active.data();
      LocalDate today = LocalDate.now(ZoneOffset.UTC);
      out.println("Version data " + data.version() + " (" + data.date() + "), " + active.origin());
      List<KubernetesRelease> releases = data.releases();
      List<String> supported =
          releases.stream()
              .filter(r -> !r.isEndOfLife(today))
              .map(r -> r.minor().minorLine())
              .toList();
      out.println(
          "Kubernetes releases: "
              + releases.get(0).minor().minorLine()
              + " to "
              + releases.get(releases.size() - 1).minor().minorLine()
              + "; supported on "
              + today
              + ": "
              + (supported.isEmpty()
                  ? "none (the data is old: update it)"
                  : String.join(", ", supported)));
      Map<String, Long> byComponent =
          data.vulnerabilities().stream()
              .collect(
                  Collectors.groupingBy(
                      KnownVulnerability::component, TreeMap::new, Collectors.counting()));
      out.println(
          "Known vulnerabilities: "
              + data.vulnerabilities().size()
              + " ("
              + byComponent.entrySet().stream()
                  .map(e -> e.getKey() + " " + e.getValue())
                  .collect(Collectors.joining(", "))
              + ")");
      out.println("Sources:");
      data.sources().forEach(s -> out.println("  - " + s));
      out.println(
          "Install newer data with: rampart data update --from FILE (into " + store.dir() + ")");
      out.flush();
      err.flush();
      return ExitCode.OK.code();
    }
  }

  @Command(
      name = "update",
      mixinStandardHelpOptions = true,
      description = {
        "Validate FILE and install it as the version data, when it is newer than the data in use.",
        "Exit 3 when FILE cannot be read or is not valid version data, 2 when it is not newer."
      })
  static final class Update implements Callable<Integer> {

    @Spec CommandSpec spec;

    @picocli.CommandLine.Mixin Location location = new Location();

    @Option(
        names = "--from",
        required = true,
        paramLabel = "FILE",
        description = "a version data file (schema rampart.dev/versions/v1)")
    Path from;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      DataStore store = location.store();
      try {
        VersionData installed = store.update(from);
        out.println(
            "rampart: installed version data "
                + installed.version()
                + " ("
                + installed.date()
                + ") into "
                + store.installedFile());
        out.flush();
        return ExitCode.OK.code();
      } catch (DataFileException e) {
        err.println("rampart: " + e.getMessage());
        err.flush();
        return e.getMessage().contains("not newer")
            ? ExitCode.USAGE.code()
            : ExitCode.INPUT_ERROR.code();
      }
    }
  }
}
