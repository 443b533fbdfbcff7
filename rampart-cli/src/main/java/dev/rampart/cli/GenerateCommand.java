package dev.rampart.cli;

import dev.rampart.source.synthetic.ClusterWriter;
import dev.rampart.source.synthetic.SyntheticCluster;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Write a realistic synthetic cluster of N pods (nodes, namespaces, workloads and their pods,",
      "services, ingresses, network policies, RBAC, config maps, fake secrets) for benchmarks",
      "and trials. The same seed always gives the same bytes. Every command reads the output."
    })
final class GenerateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--pods",
      required = true,
      paramLabel = "N",
      description = "how many pods the cluster runs")
  int pods;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "1",
      description = "random seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "FILE",
      description = "multi-document YAML, or a kind: List in JSON when FILE ends in .json")
  Path output;

  @Override
  public Integer call() throws IOException {
    if (pods < 1) {
      throw new UsageException("--pods must be at least 1");
    }
    ClusterWriter.Format format;
    try {
      format = ClusterWriter.Format.of(output.getFileName().toString());
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    Path parent = output.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    SyntheticCluster.Counts counts;
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(output), 1 << 16)) {
      counts = ClusterWriter.write(pods, seed, format, out);
    }
    spec.commandLine()
        .getErr()
        .printf(
            "rampart: %s: %d objects, %d pods, %d nodes, %d namespaces%n",
            output, counts.objects(), counts.pods(), counts.nodes(), counts.namespaces());
    return ExitCode.OK.code();
  }
}
