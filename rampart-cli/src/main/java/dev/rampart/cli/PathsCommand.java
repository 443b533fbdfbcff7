package dev.rampart.cli;

import dev.rampart.data.DataStore;
import dev.rampart.graph.AssetGraph;
import dev.rampart.graph.AssetGroups;
import dev.rampart.graph.AttackPaths;
import dev.rampart.report.AttackPathsOutput;
import dev.rampart.snapshot.Snapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "paths",
    mixinStandardHelpOptions = true,
    description = {
      "Attack paths from the entry points (the internet, anonymous and every authenticated",
      "user) to the crown jewels (cluster-admin, nodes, kube-system Secrets and the critical",
      "asset groups of rampart.yaml), each step with its evidence."
    },
    footer = {
      "",
      "Exit codes: 0 answered, 2 usage error, 3 an input or a kind the graph is built from",
      "(RBAC, workloads, services, policies, secrets, nodes) could not be read."
    })
final class PathsCommand implements Callable<Integer> {

  /**
   * The kinds the graph is built from: when one could not be read (a 403 on a live cluster), a path
   * through it may be missing, so an answer without paths is no all-clear.
   */
  static final Set<String> GRAPH_KINDS =
      Stream.concat(
              WhoCanCommand.RBAC_KINDS.stream(),
              Stream.of(
                  "ServiceAccount",
                  "Pod",
                  "Deployment",
                  "StatefulSet",
                  "DaemonSet",
                  "ReplicaSet",
                  "ReplicationController",
                  "Job",
                  "CronJob",
                  "Service",
                  "Ingress",
                  "NetworkPolicy",
                  "Namespace",
                  "Secret",
                  "Node",
                  "PersistentVolumeClaim"))
          .collect(Collectors.toUnmodifiableSet());

  enum Format {
    table,
    json,
    dot
  }

  @Spec CommandSpec spec;

  @Parameters(
      arity = "0..*",
      paramLabel = "PATH",
      description = "YAML/JSON manifests, directories (read recursively) or - for stdin")
  List<String> paths = new ArrayList<>();

  @Mixin SourceOptions source;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "rampart.yaml: its critical asset groups are crown jewels")
  Path config;

  @Option(
      names = "--to",
      paramLabel = "GROUP|ASSET",
      description =
          "only paths to this asset group or asset (cluster-admin, Node/NAME, Secret/NS/NAME,"
              + " Deployment/NS/NAME)")
  String to;

  @Option(
      names = "--from",
      paramLabel = "ASSET",
      split = ",",
      description =
          "start here instead of the default entry points (internet, User/system:anonymous,"
              + " ServiceAccount/NS/NAME, Deployment/NS/NAME, ...)")
  List<String> from = new ArrayList<>();

  @Option(names = "--assume-breach", description = "every workload is an entry point too")
  boolean assumeBreach;

  @Option(
      names = {"-k", "--paths-per-target"},
      paramLabel = "K",
      defaultValue = "5",
      description =
          "at most K paths per entry point and crown jewel, each through another first foothold"
              + " (default: ${DEFAULT-VALUE})")
  int k;

  @Option(
      names = "--max-length",
      paramLabel = "N",
      defaultValue = "10",
      description = "at most N steps per path (default: ${DEFAULT-VALUE})")
  int maxLength;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table, json or dot (Graphviz) (default: ${DEFAULT-VALUE})")
  Format format;

  @Override
  public Integer call() throws IOException {
    if (k < 1 || maxLength < 1) {
      throw new UsageException("--paths-per-target and --max-length must be at least 1");
    }
    PrintWriter err = spec.commandLine().getErr();
    Snapshot snapshot = source.load(paths, err);
    AssetGroups groups =
        new AssetGroups(new Scanning(source, paths, config).loadConfig().assetGroups());
    AssetGraph graph = AssetGraph.of(snapshot, groups, DataStore.defaults().active().data());
    AttackPaths.Options defaults = AttackPaths.Options.defaults();
    AttackPaths.Options options =
        new AttackPaths.Options(
            from, to, assumeBreach, k, maxLength, defaults.maxTargets(), defaults.workBudget());
    AttackPaths.Result result;
    try {
      result = AttackPaths.find(graph, groups, options);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case json -> {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        AttackPathsOutput.json(result, json);
        out.print(json.toString(StandardCharsets.UTF_8));
      }
      case dot -> AttackPathsOutput.dot(result, out);
      case table -> AttackPathsOutput.text(result, out);
    }
    out.flush();
    return SourceOptions.exitCode(snapshot, GRAPH_KINDS).code();
  }
}
