package dev.rampart.source.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An API server for benchmarks: fabric8's mock web server answering the live source's lists from
 * pages prepared in advance, so that what is measured is the client, not the mock server's CRUD
 * store (which scans every stored object for each request). Lists are paged by {@code limit} and
 * {@code continue}; Secrets come as metadata and honour the {@code type} field selector.
 */
public final class StaticCluster implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Each list path's items, as JSON. */
  private final Map<String, List<String>> lists = new HashMap<>();

  private final Map<String, List<String>> tokenSecrets = new HashMap<>();
  private final MockWebServer server = new MockWebServer();
  private final AtomicInteger requests = new AtomicInteger();

  public StaticCluster(List<? extends HasMetadata> objects) {
    Map<String, ResourceType> types = new HashMap<>();
    ResourceType.BUILT_IN.forEach(t -> types.put(t.kind(), t));
    for (HasMetadata o : objects) {
      ResourceType type = types.get(o.getKind());
      String path = type.path(null);
      lists.computeIfAbsent(path, p -> new ArrayList<>()).add(item(o, type));
      if (o instanceof Secret s && LiveSource.TOKEN_SECRET.equals(s.getType())) {
        tokenSecrets.computeIfAbsent(path, p -> new ArrayList<>()).add(item(o, type));
      }
    }
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            requests.incrementAndGet();
            return answer(request.getPath());
          }
        });
    server.start();
  }

  private static String item(HasMetadata o, ResourceType type) {
    try {
      if (!type.metadataOnly()) {
        return JSON.writeValueAsString(o);
      }
      ObjectNode partial = JSON.createObjectNode();
      partial.put("apiVersion", "meta.k8s.io/v1").put("kind", "PartialObjectMetadata");
      partial.set("metadata", JSON.valueToTree(o.getMetadata()));
      return JSON.writeValueAsString(partial);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private MockResponse answer(String pathAndQuery) {
    URI uri = URI.create(pathAndQuery);
    String path = uri.getPath();
    if (path.equals("/version")) {
      return json("{\"major\":\"1\",\"minor\":\"30\",\"gitVersion\":\"v1.30.2\"}");
    }
    if (path.endsWith("/proxy/configz")) {
      return new MockResponse().setResponseCode(404).setBody("{\"kind\":\"Status\",\"code\":404}");
    }
    Map<String, String> query = query(uri.getRawQuery());
    String selector = query.get("fieldSelector");
    List<String> items =
        (selector != null && selector.startsWith("type=") ? tokenSecrets : lists)
            .getOrDefault(path, List.of());
    int from = Integer.parseInt(query.getOrDefault("continue", "0"));
    int to =
        query.containsKey("limit")
            ? Math.min(items.size(), from + Integer.parseInt(query.get("limit")))
            : items.size();
    StringBuilder body =
        new StringBuilder("{\"kind\":\"List\",\"apiVersion\":\"v1\",\"metadata\":{");
    if (to < items.size()) {
      body.append("\"continue\":\"").append(to).append('"');
    }
    body.append("},\"items\":[");
    for (int i = from; i < to; i++) {
      body.append(i == from ? "" : ",").append(items.get(i));
    }
    return json(body.append("]}").toString());
  }

  private static MockResponse json(String body) {
    return new MockResponse()
        .setResponseCode(200)
        .setHeader("Content-Type", "application/json")
        .setBody(body);
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> query = new HashMap<>();
    if (raw != null) {
      for (String parameter : raw.split("&")) {
        int eq = parameter.indexOf('=');
        query.put(
            parameter.substring(0, eq),
            URLDecoder.decode(parameter.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return query;
  }

  public int requests() {
    return requests.get();
  }

  /** A kubeconfig whose current context is this server. */
  public Path kubeconfig(Path dir) {
    String url = "http://" + server.getHostName() + ":" + server.getPort();
    String yaml =
        """
        apiVersion: v1
        kind: Config
        clusters: [{name: bench, cluster: {server: "%s"}}]
        users: [{name: me, user: {token: bench}}]
        contexts: [{name: bench, context: {cluster: bench, user: me}}]
        current-context: bench
        """
            .formatted(url);
    try {
      return Files.writeString(dir.resolve("kubeconfig-bench"), yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.shutdown();
  }
}
