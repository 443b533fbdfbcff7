package dev.rampart.source.live;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How to reach and read a cluster.
 *
 * @param kubeconfig the kubeconfig file, or null for the usual places ({@code $KUBECONFIG}, {@code
 *     ~/.kube/config}) and, without any, the pod's own service account
 * @param context the kubeconfig context, or null for the current one
 * @param namespaces read namespaced kinds only in these namespaces; empty for every namespace
 * @param requestTimeout how long one request may take before it is retried
 * @param parallelism how many lists run at once
 * @param pageSize objects per page of a list ({@code limit})
 * @param retry when and how long to wait before trying a failed request again
 */
public record LiveOptions(
    Path kubeconfig,
    String context,
    List<String> namespaces,
    Duration requestTimeout,
    int parallelism,
    int pageSize,
    RetryPolicy retry) {

  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
  public static final int DEFAULT_PARALLELISM = 4;
  public static final int DEFAULT_PAGE_SIZE = 500;

  public LiveOptions {
    namespaces = List.copyOf(namespaces);
    requestTimeout = requestTimeout == null ? DEFAULT_REQUEST_TIMEOUT : requestTimeout;
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("the request timeout must be positive");
    }
    if (parallelism < 1 || pageSize < 1) {
      throw new IllegalArgumentException("parallelism and page size must be positive");
    }
    retry = retry == null ? RetryPolicy.DEFAULT : retry;
  }

  /** The current context of the usual kubeconfig, every namespace, default limits. */
  public static LiveOptions defaults() {
    return new LiveOptions(
        null, null, List.of(), null, DEFAULT_PARALLELISM, DEFAULT_PAGE_SIZE, RetryPolicy.DEFAULT);
  }

  public LiveOptions withKubeconfig(Path file, String newContext) {
    return new LiveOptions(
        file, newContext, namespaces, requestTimeout, parallelism, pageSize, retry);
  }

  public LiveOptions withNamespaces(List<String> only) {
    return new LiveOptions(kubeconfig, context, only, requestTimeout, parallelism, pageSize, retry);
  }

  public LiveOptions withRequestTimeout(Duration timeout) {
    return new LiveOptions(kubeconfig, context, namespaces, timeout, parallelism, pageSize, retry);
  }

  public LiveOptions withLimits(int newParallelism, int newPageSize) {
    return new LiveOptions(
        kubeconfig, context, namespaces, requestTimeout, newParallelism, newPageSize, retry);
  }

  public LiveOptions withRetry(RetryPolicy policy) {
    return new LiveOptions(
        kubeconfig, context, namespaces, requestTimeout, parallelism, pageSize, policy);
  }
}
