package dev.rampart.source.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLException;

/**
 * Read-only requests to the API server: GET only, through fabric8's HTTP client (which carries the
 * kubeconfig's credentials and refreshes exec-plugin tokens), with a timeout per attempt and
 * retries with backoff on throttling, server errors and broken connections.
 */
final class ApiClient {

  static final String JSON = "application/json";

  /**
   * The list of objects' metadata only. Without the fallback {@code ,application/json} kubectl
   * adds: a server that cannot serve metadata alone must refuse (406), not send whole objects.
   */
  static final String METADATA_LIST =
      "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final HttpClient http;
  private final String server;
  private final Duration timeout;
  private final RetryPolicy retry;
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger retries = new AtomicInteger();

  ApiClient(HttpClient http, String server, Duration timeout, RetryPolicy retry) {
    this.http = http;
    this.server = server;
    this.timeout = timeout;
    this.retry = retry;
  }

  /** GET {@code path} (with its query), retrying what is worth retrying. */
  byte[] get(String path, String accept) throws ApiException, InterruptedException {
    return get(path, accept, retry);
  }

  byte[] get(String path, String accept, RetryPolicy policy)
      throws ApiException, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      HttpRequest request =
          http.newHttpRequestBuilder()
              .uri(server + path)
              .header("Accept", accept)
              .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
              .build();
      requests.incrementAndGet();
      CompletableFuture<HttpResponse<byte[]>> future = http.sendAsync(request, byte[].class);
      Duration wait;
      try {
        // The HTTP client enforces the timeout; the margin only guards against a stuck future.
        HttpResponse<byte[]> response =
            future.get(timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        int code = response.code();
        if (code >= 200 && code < 300) {
          return response.body();
        }
        String message = statusMessage(response.body());
        if (!retryable(code) || attempt > policy.retries()) {
          throw new ApiException(code, message, attempt, null);
        }
        wait = policy.delay(attempt - 1, retryAfter(response.header("Retry-After")));
      } catch (ExecutionException | TimeoutException e) {
        future.cancel(true);
        Throwable cause =
            e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        if (!transientFailure(cause) || attempt > policy.retries()) {
          throw new ApiException(ApiException.NO_RESPONSE, transportMessage(cause), attempt, cause);
        }
        wait = policy.delay(attempt - 1, null);
      }
      retries.incrementAndGet();
      policy.sleeper().sleep(wait);
    }
  }

  /** Requests sent, retries included. */
  int requests() {
    return requests.get();
  }

  int retries() {
    return retries.get();
  }

  private static boolean retryable(int code) {
    return code == 429 || code == 500 || code == 502 || code == 503 || code == 504;
  }

  /** Timeouts and dropped connections pass; a wrong certificate or host name does not. */
  private static boolean transientFailure(Throwable failure) {
    return find(failure, SSLException.class) == null
        && find(failure, UnknownHostException.class) == null
        && (find(failure, IOException.class) != null
            || find(failure, TimeoutException.class) != null);
  }

  /** The first exception of {@code type} in the chain of causes, or null. */
  private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  /** {@code Retry-After}: seconds, or an HTTP date. */
  static Duration retryAfter(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
    } catch (NumberFormatException e) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration until = Duration.between(ZonedDateTime.now(at.getZone()), at);
        return until.isNegative() ? Duration.ZERO : until;
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
  }

  /** The {@code message} of a Kubernetes {@code Status} body, or the start of the body. */
  static String statusMessage(byte[] body) {
    if (body == null || body.length == 0) {
      return null;
    }
    try {
      JsonNode status = MAPPER.readTree(body);
      if (status != null && status.isObject()) {
        // A Status without a message says no more than its code.
        return status.hasNonNull("message")
            ? status.get("message").asText()
            : status.path("reason").asText(null);
      }
    } catch (IOException e) {
      // Not JSON: a proxy's HTML page, say.
    }
    String text = new String(body, StandardCharsets.UTF_8).strip();
    return text.length() > 200 ? text.substring(0, 200) + "..." : text;
  }

  /** In words a person can act on. */
  static String transportMessage(Throwable failure) {
    if (find(failure, HttpTimeoutException.class) != null
        || find(failure, TimeoutException.class) != null) {
      return "timed out";
    }
    UnknownHostException host = find(failure, UnknownHostException.class);
    if (host != null) {
      return "unknown host " + host.getMessage();
    }
    SSLException tls = find(failure, SSLException.class);
    if (tls != null) {
      return "TLS failed: "
          + tls.getMessage()
          + " (check the certificate authority of the kubeconfig's cluster)";
    }
    if (find(failure, ConnectException.class) != null) {
      return "connection refused";
    }
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        return t.getMessage();
      }
    }
    return failure.getClass().getSimpleName();
  }
}
