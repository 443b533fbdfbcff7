package dev.rampart.cli;

import dev.rampart.snapshot.Snapshot;
import dev.rampart.source.archive.SnapshotArchive;
import java.io.IOException;
import java.io.PrintWriter;
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
    name = "snapshot",
    mixinStandardHelpOptions = true,
    description = "Capture a cluster for offline use: scan it later with --snapshot FILE.",
    subcommands = {SnapshotCommand.Save.class})
final class SnapshotCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new UsageException("which snapshot command? rampart snapshot save FILE");
  }

  @Command(
      name = "save",
      mixinStandardHelpOptions = true,
      description = {
        "Read a cluster, read-only, and save its inventory to FILE.",
        "The file is gzip-compressed JSON with the server version, the time and",
        "what could not be read. Secrets are saved as metadata only, never their",
        "data. rampart scan --snapshot FILE gives the findings a live scan would."
      },
      footer = {"", "Exit codes: 0 saved, 2 usage error, 3 the cluster could not be read whole."})
  static final class Save implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "where to save it, e.g. prod.json.gz")
    Path file;

    @Mixin ClusterOptions cluster;

    @Option(
        names = {"-n", "--namespace"},
        paramLabel = "NS",
        split = ",",
        description = "only these namespaces (repeatable, comma-separated); cluster-wide kinds too")
    List<String> namespaces = new ArrayList<>();

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      Snapshot snapshot = cluster.read(namespaces, err);
      SourceOptions.report(snapshot.problems(), err);
      SnapshotArchive.Header header;
      try {
        header = SnapshotArchive.write(snapshot, file, Instant.now(), Version.current());
      } catch (IOException e) {
        throw new InputException(file + ": cannot write the snapshot: " + e.getMessage(), e);
      }
      err.println(
          "rampart: saved "
              + header.objects()
              + " objects of "
              + header.byKind().size()
              + " kinds from "
              + header.source()
              + " to "
              + file
              + (header.gaps().isEmpty()
                  ? ""
                  : " (" + header.gaps().size() + " kinds or scopes could not be read)"));
      err.flush();
      return SourceOptions.exitCode(snapshot).code();
    }
  }
}
