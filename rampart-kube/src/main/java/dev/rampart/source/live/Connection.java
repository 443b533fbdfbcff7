package dev.rampart.source.live;

import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import io.fabric8.kubernetes.client.utils.Utils;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Where the cluster is and who Rampart is to it: the kubeconfig context (or the pod's service
 * account) resolved into a fabric8 client on the JDK's HTTP client. Everything the kubeconfig can
 * say is honoured by fabric8: HTTP or HTTPS, CA and client certificates, tokens, exec credential
 * plugins, proxies. Rampart checks what fabric8 would silently get wrong: a context that does not
 * exist (fabric8 falls back to the current one), and no cluster at all.
 */
final class Connection implements AutoCloseable {

  private final KubernetesClient client;
  private final String name;
  private final String server;

  private Connection(KubernetesClient client, String name, String server) {
    this.client = client;
    this.name = name;
    this.server = server;
  }

  static Connection open(LiveOptions options) {
    Resolved resolved = resolve(options);
    Config config = resolved.config();
    config.setRequestTimeout((int) options.requestTimeout().toMillis());
    // Rampart retries itself: it bounds Retry-After, and reports what it retried.
    config.setRequestRetryBackoffLimit(0);
    String server = stripSlash(config.getMasterUrl());
    try {
      KubernetesClient client =
          new KubernetesClientBuilder()
              .withConfig(config)
              .withHttpClientFactory(new JdkHttpClientFactory())
              .build();
      return new Connection(client, resolved.description(), server);
    } catch (KubernetesClientException e) {
      throw new LiveSourceException(
          LiveSourceException.Reason.NO_CLUSTER,
          "cannot use " + resolved.description() + ": " + e.getMessage(),
          e);
    }
  }

  KubernetesClient client() {
    return client;
  }

  /** {@code context prod}, or {@code in-cluster service account}. */
  String name() {
    return name;
  }

  /** {@code context prod (https://10.0.0.1:6443)}, how the source is named in reports. */
  String description() {
    return name + " (" + server + ")";
  }

  /** The API server's URL, without a trailing slash. */
  String server() {
    return server;
  }

  @Override
  public void close() {
    client.close();
  }

  private record Resolved(Config config, String description) {}

  private static Resolved resolve(LiveOptions options) {
    try {
      if (options.kubeconfig() != null) {
        return fromFile(options.kubeconfig(), options.context());
      }
      List<String> files =
          Config.getKubeconfigFilenames().stream().filter(f -> new File(f).isFile()).toList();
      if (!files.isEmpty()) {
        Config config = Config.autoConfigure(options.context());
        return new Resolved(config, context(config, options.context(), String.join(", ", files)));
      }
      if (inCluster()) {
        if (options.context() != null) {
          throw new LiveSourceException(
              LiveSourceException.Reason.BAD_OPTION,
              "--context needs a kubeconfig; inside a pod Rampart uses its service account");
        }
        return new Resolved(Config.autoConfigure(null), "in-cluster service account");
      }
      throw new LiveSourceException(
          LiveSourceException.Reason.NO_CLUSTER,
          "no cluster to scan: no kubeconfig ("
              + String.join(", ", Config.getKubeconfigFilenames())
              + " does not exist) and not running in a pod. Give manifests (PATH or - for stdin),"
              + " --snapshot FILE, --kubeconfig FILE or --demo");
    } catch (KubernetesClientException | IllegalArgumentException e) {
      throw new LiveSourceException(
          LiveSourceException.Reason.NO_CLUSTER,
          "cannot read the kubeconfig: " + e.getMessage(),
          e);
    }
  }

  private static Resolved fromFile(Path file, String context) {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new LiveSourceException(
          LiveSourceException.Reason.NO_CLUSTER,
          "kubeconfig " + file + ": no such file, or it cannot be read");
    }
    Config config = Config.fromKubeconfig(context, file.toFile());
    return new Resolved(config, context(config, context, file.toString()));
  }

  /** The context fabric8 chose, checked against the one asked for. */
  private static String context(Config config, String wanted, String files) {
    NamedContext current = config.getCurrentContext();
    if (wanted != null && (current == null || !wanted.equals(current.getName()))) {
      throw new LiveSourceException(
          LiveSourceException.Reason.BAD_OPTION,
          "no context " + wanted + " in " + files + " (contexts: " + names(config) + ")");
    }
    if (current == null) {
      throw new LiveSourceException(
          LiveSourceException.Reason.NO_CLUSTER,
          files + " has no current context: give --context NAME (contexts: " + names(config) + ")");
    }
    return "context " + current.getName();
  }

  private static String names(Config config) {
    List<NamedContext> contexts = config.getContexts();
    if (contexts == null || contexts.isEmpty()) {
      return "none";
    }
    return contexts.stream()
        .map(NamedContext::getName)
        .filter(Objects::nonNull)
        .sorted()
        .collect(Collectors.joining(", "));
  }

  /** What fabric8 itself looks at: the service host variable and the mounted token. */
  private static boolean inCluster() {
    String host = Utils.getSystemPropertyOrEnvVar(Config.KUBERNETES_SERVICE_HOST_PROPERTY);
    String token =
        Utils.getSystemPropertyOrEnvVar(
            Config.KUBERNETES_AUTH_SERVICEACCOUNT_TOKEN_FILE_SYSTEM_PROPERTY,
            Config.KUBERNETES_SERVICE_ACCOUNT_TOKEN_PATH);
    return host != null && new File(token).isFile();
  }

  private static String stripSlash(String url) {
    return url != null && url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
