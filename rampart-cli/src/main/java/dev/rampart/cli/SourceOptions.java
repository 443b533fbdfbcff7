package dev.rampart.cli;

import dev.rampart.snapshot.InputProblem;
import dev.rampart.snapshot.Snapshot;
import dev.rampart.source.demo.DemoCluster;
import dev.rampart.source.file.ManifestReader;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Where the inventory comes from: manifests (the command's PATH parameters) or the built-in demo
 * cluster. A picocli mixin; the paths stay with each command because positional parameters are
 * numbered per command.
 */
final class SourceOptions {

  @Option(names = "--demo", description = "use the built-in demo cluster (ShopOps)")
  boolean demo;

  /**
   * Reads the inventory, input problems included, without reporting them.
   *
   * @param task what the command does with it, for the usage message ("scan")
   * @throws UsageException when neither or both of paths and {@code --demo} are given
   */
  Snapshot read(List<String> paths, String task) {
    if (demo == !paths.isEmpty()) {
      throw new UsageException(
          demo
              ? "give either --demo or paths, not both"
              : "nothing to "
                  + task
                  + ": give manifests (files, directories, - for stdin) or --demo");
    }
    if (demo) {
      return DemoCluster.load();
    }
    ManifestReader.Result read = new ManifestReader().read(paths, System.in);
    return new Snapshot(String.join(" ", paths), read.objects(), read.problems());
  }

  /** Reads the inventory and reports its input problems on standard error. */
  Snapshot load(List<String> paths, PrintWriter err) {
    Snapshot snapshot = read(paths, "read");
    for (InputProblem p : snapshot.problems()) {
      err.println("rampart: " + (p.isError() ? "error: " : "warning: ") + p.describe());
    }
    err.flush();
    return snapshot;
  }

  /** 3 when an input could not be read (the rest was still analysed), 0 otherwise. */
  static ExitCode exitCode(Snapshot snapshot) {
    return snapshot.problems().stream().anyMatch(InputProblem::isError)
        ? ExitCode.INPUT_ERROR
        : ExitCode.OK;
  }
}
