package dev.rampart.cli;

import dev.rampart.snapshot.Snapshot;
import dev.rampart.source.live.LiveOptions;
import dev.rampart.source.live.LiveSource;
import dev.rampart.source.live.LiveSourceException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/**
 * Which cluster to read live, and how: a picocli mixin for every command that reads a cluster.
 * Without options: the current context of {@code $KUBECONFIG} or {@code ~/.kube/config}, and inside
 * a pod its service account.
 */
final class ClusterOptions {

  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)?");

  @Option(
      names = "--kubeconfig",
      paramLabel = "FILE",
      description = "the kubeconfig to use (default: $KUBECONFIG, then ~/.kube/config)")
  Path kubeconfig;

  @Option(
      names = "--context",
      paramLabel = "NAME",
      description = "the kubeconfig context to scan (default: the current context)")
  String context;

  @Option(
      names = "--request-timeout",
      paramLabel = "DURATION",
      description =
          "how long one API request may take before it is retried: 30s, 2m, 500ms (default: 30s)")
  String requestTimeout;

  /** Whether any option names a live cluster. */
  boolean given() {
    return kubeconfig != null || context != null || requestTimeout != null;
  }

  /**
   * Reads the cluster, showing progress on standard error when it is a terminal.
   *
   * @param namespaces read namespaced kinds only there; empty for every namespace
   * @throws UsageException when an option names something that does not exist
   * @throws InputException when there is no cluster, or it cannot be read at all
   */
  Snapshot read(List<String> namespaces, PrintWriter err) {
    LiveOptions options =
        LiveOptions.defaults().withKubeconfig(kubeconfig, context).withNamespaces(namespaces);
    if (requestTimeout != null) {
      options = options.withRequestTimeout(duration(requestTimeout));
    }
    try (StderrProgress progress = StderrProgress.onTerminal(err)) {
      return LiveSource.read(options, progress);
    } catch (LiveSourceException e) {
      if (e.reason() == LiveSourceException.Reason.BAD_OPTION) {
        throw new UsageException(e.getMessage());
      }
      throw new InputException(e.getMessage(), e);
    }
  }

  static Duration duration(String text) {
    return duration("--request-timeout", text);
  }

  /** A positive duration of an option: 500ms, 30s (or 30), 2m, 1h. */
  static Duration duration(String option, String text) {
    Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
      throw new UsageException(
          option + ": " + text + " is not a positive duration such as 30s, 2m or 500ms");
    }
    long amount = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    return switch (unit) {
      case "ms" -> Duration.ofMillis(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofSeconds(amount);
    };
  }
}
