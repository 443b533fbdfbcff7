package dev.rampart.cli;

import dev.rampart.snapshot.Gap;
import dev.rampart.snapshot.InputProblem;
import dev.rampart.snapshot.Snapshot;
import dev.rampart.source.archive.SnapshotArchive;
import dev.rampart.source.demo.DemoCluster;
import dev.rampart.source.file.ManifestReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Where the inventory comes from: manifests (the command's PATH parameters), the built-in demo
 * cluster, a saved snapshot, or, when none of them is given, the live cluster of the current
 * kubeconfig context. A picocli mixin; the paths stay with each command because positional
 * parameters are numbered per command.
 */
final class SourceOptions {

  @Option(names = "--demo", description = "use the built-in demo cluster (ShopOps)")
  boolean demo;

  @Option(
      names = "--snapshot",
      paramLabel = "FILE",
      description = "scan a snapshot saved with rampart snapshot save, offline")
  Path snapshot;

  @Mixin ClusterOptions cluster;

  /** Whether the inventory is a live cluster: no paths, no demo, no snapshot. */
  boolean live(List<String> paths) {
    return paths.isEmpty() && !demo && snapshot == null;
  }

  /**
   * Reads the inventory, input problems included, without reporting them.
   *
   * @param namespaces for a live cluster: read namespaced kinds only there (empty: all)
   * @param err where a live read shows its progress
   * @throws UsageException when more than one source is given
   * @throws InputException when a snapshot or the cluster cannot be read at all
   */
  Snapshot read(List<String> paths, List<String> namespaces, PrintWriter err) {
    int sources = (paths.isEmpty() ? 0 : 1) + (demo ? 1 : 0) + (snapshot == null ? 0 : 1);
    if (sources > 1) {
      throw new UsageException("give one of PATH..., --demo or --snapshot FILE");
    }
    if (sources == 1 && cluster.given()) {
      throw new UsageException(
          "--kubeconfig, --context and --request-timeout are for a live cluster; they do not go"
              + " with PATH, --demo or --snapshot");
    }
    if (demo) {
      return DemoCluster.load();
    }
    if (snapshot != null) {
      return readSnapshot(snapshot);
    }
    if (paths.isEmpty()) {
      return cluster.read(namespaces, err);
    }
    ManifestReader.Result read = new ManifestReader().read(paths, System.in);
    return new Snapshot(String.join(" ", paths), read.objects(), read.problems());
  }

  private static Snapshot readSnapshot(Path file) {
    try {
      return SnapshotArchive.read(file);
    } catch (NoSuchFileException e) {
      throw new InputException(file + ": no such file", e);
    } catch (IOException e) {
      String message = e.getMessage();
      throw new InputException(
          message != null && message.startsWith(file.toString())
              ? message
              : file + ": cannot read it: " + message,
          e);
    }
  }

  /** Reads the inventory and reports its input problems on standard error. */
  Snapshot load(List<String> paths, PrintWriter err) {
    Snapshot snapshot = read(paths, List.of(), err);
    report(snapshot.problems(), err);
    return snapshot;
  }

  /**
   * Diagnostics go to standard error, so that what is on standard output stays machine-readable.
   */
  static void report(List<InputProblem> problems, PrintWriter err) {
    for (InputProblem p : problems) {
      err.println("rampart: " + (p.isError() ? "error: " : "warning: ") + p.describe());
    }
    err.flush();
  }

  /** 3 when an input could not be read (the rest was still analysed), 0 otherwise. */
  static ExitCode exitCode(Snapshot snapshot) {
    return snapshot.problems().stream().anyMatch(InputProblem::isError)
        ? ExitCode.INPUT_ERROR
        : ExitCode.OK;
  }

  /**
   * Like {@link #exitCode(Snapshot)}, and 3 too when one of {@code kinds}, which the answer rests
   * on, could not be read: an answer from part of the RBAC is no answer.
   */
  static ExitCode exitCode(Snapshot snapshot, Set<String> kinds) {
    boolean missing = snapshot.gaps().stream().map(Gap::kind).anyMatch(kinds::contains);
    return missing ? ExitCode.INPUT_ERROR : exitCode(snapshot);
  }
}
