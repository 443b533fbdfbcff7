package dev.rampart.source.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Snapshot;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.dsl.MockServerExpectation;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Kubernetes API server for tests: fabric8's mock server in CRUD mode, with expectations for the
 * failures, and what the CRUD mode lacks for Rampart's reads: the metadata-only representation
 * ({@code as=PartialObjectMetadataList}) and the {@code type} field selector of Secrets. It records
 * every request, and every answer about Secrets, so that tests can prove what was asked and sent.
 */
public final class MockCluster implements AutoCloseable {

  public static final String TOKEN = "test-token";

  /** One request as the server saw it, and what it answered. */
  public record Exchange(
      String method, String path, String accept, String authorization, int code, String body) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final KubernetesMockServer server;
  private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
  private final KubernetesClient client;
  private volatile boolean recordBodies = true;

  public MockCluster() {
    this(false);
  }

  public MockCluster(boolean https) {
    Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
    KubernetesMixedDispatcher crud = new KubernetesMixedDispatcher(responses);
    Dispatcher realistic =
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            MockResponse response = answer(crud, request);
            record(request, response);
            return response;
          }
        };
    server =
        new KubernetesMockServer(
            new Context(Serialization.jsonMapper()),
            new MockWebServer(),
            responses,
            realistic,
            https);
    server.start();
    client = server.createClient();
  }

  /** The server's URL, without a trailing slash. */
  public String url() {
    String url = server.url("/");
    return url.substring(0, url.length() - 1);
  }

  public KubernetesMockServer server() {
    return server;
  }

  public MockServerExpectation expect() {
    return server.expect();
  }

  /** Stores objects as the API server would: through its create endpoint. */
  public MockCluster with(List<? extends HasMetadata> objects) {
    for (HasMetadata o : objects) {
      client.resource(o).create();
    }
    exchanges.clear();
    return this;
  }

  /**
   * Serves a snapshot as a cluster: its objects through the API, each KubeletConfiguration through
   * its node's configz (404 for a node without one).
   */
  public MockCluster serve(Snapshot snapshot) {
    List<HasMetadata> objects = new ArrayList<>();
    Set<String> configured = new HashSet<>();
    for (KubeObject o : snapshot.objects()) {
      if (o.kind().equals(Kubelets.KIND)) {
        GenericKubernetesResource config = o.as(GenericKubernetesResource.class);
        configured.add(o.name());
        expect()
            .get()
            .withPath(Kubelets.path(o.name()))
            .andReturn(200, Map.of("kubeletconfig", config.getAdditionalProperties()))
            .always();
      } else {
        objects.add(o.resource());
      }
    }
    for (KubeObject node : snapshot.ofKind("Node")) {
      if (!configured.contains(node.name())) {
        expect()
            .get()
            .withPath(Kubelets.path(node.name()))
            .andReturn(404, status(404, "NotFound", "configz not served"))
            .always();
      }
    }
    return with(objects);
  }

  public MockCluster with(HasMetadata... objects) {
    return with(List.of(objects));
  }

  /** Stop keeping answers (a benchmark's would fill the heap). */
  public MockCluster withoutBodies() {
    recordBodies = false;
    return this;
  }

  /** Every request since the objects were stored. */
  public List<Exchange> exchanges() {
    return List.copyOf(exchanges);
  }

  /** A kubeconfig whose current context is this server, with a bearer token. */
  public Path kubeconfig(Path dir) {
    return kubeconfig(dir, "mock", "    token: " + TOKEN + "\n");
  }

  /**
   * A kubeconfig with one context, {@code context}, whose user is described by {@code user}
   * (indented YAML lines under {@code user:}).
   */
  public Path kubeconfig(Path dir, String context, String user) {
    String yaml =
        """
        apiVersion: v1
        kind: Config
        clusters:
        - name: mock
          cluster:
            server: %s
            insecure-skip-tls-verify: true
        users:
        - name: scanner
          user:
        %s
        contexts:
        - name: %s
          context: {cluster: mock, user: scanner}
        current-context: %s
        """
            .formatted(url(), user.stripTrailing(), context, context);
    try {
      Path file = dir.resolve("kubeconfig-" + context);
      Files.writeString(file, yaml);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Options to read this server quickly: no real waiting between retries. */
  LiveOptions options(Path dir, List<Duration> waits) {
    RetryPolicy retry =
        new RetryPolicy(
            5, Duration.ofMillis(10), Duration.ofMillis(80), Duration.ofSeconds(60), waits::add);
    return LiveOptions.defaults().withKubeconfig(kubeconfig(dir), null).withRetry(retry);
  }

  public static Status status(int code, String reason, String message) {
    return new StatusBuilder()
        .withStatus("Failure")
        .withCode(code)
        .withReason(reason)
        .withMessage(message)
        .build();
  }

  public static Status forbidden(String resource, String group, String namespace) {
    String scope =
        namespace == null ? "at the cluster scope" : "in the namespace \"" + namespace + "\"";
    return status(
        403,
        "Forbidden",
        resource
            + " is forbidden: User \"system:serviceaccount:rampart:scanner\" cannot list resource \""
            + resource
            + "\" in API group \""
            + group
            + "\" "
            + scope);
  }

  @Override
  public void close() {
    client.close();
    server.destroy();
  }

  private void record(RecordedRequest request, MockResponse response) {
    String body = null;
    if (recordBodies && response.getBody() != null) {
      body = response.getBody().readUtf8();
      response.setBody(body);
    }
    exchanges.add(
        new Exchange(
            request.getMethod(),
            request.getPath(),
            request.getHeaders().header("Accept"),
            request.getHeaders().header("Authorization"),
            response.code(),
            body));
  }

  /**
   * The CRUD answer, made to look like the API server's where Rampart depends on it: lists are
   * paged by {@code limit} and {@code continue}, Secrets honour the {@code type} field selector and
   * the metadata-only representation. Expectations are answered as they are.
   */
  private static MockResponse answer(KubernetesMixedDispatcher crud, RecordedRequest request) {
    MockResponse response = crud.dispatch(request);
    if (!"GET".equals(request.getMethod()) || response.code() != 200) {
      return response;
    }
    String body = response.getBody().readUtf8();
    response.setBody(body);
    try {
      JsonNode answer = JSON.readTree(body);
      // The CRUD dispatcher answers every list as a plain "List"; expectations never do here.
      if (!(answer instanceof ObjectNode list) || !"List".equals(list.path("kind").asText())) {
        return response;
      }
      String accept = request.getHeaders().header("Accept");
      boolean metadataOnly = accept != null && accept.contains("as=PartialObjectMetadataList");
      boolean secrets = URI.create(request.getPath()).getPath().endsWith("/secrets");
      String type = secrets ? parameter(request.getPath(), "fieldSelector", "type") : null;
      ArrayNode items = JSON.createArrayNode();
      for (JsonNode item : list.path("items")) {
        if (type != null && !type.equals(item.path("type").asText())) {
          continue;
        }
        if (metadataOnly) {
          ObjectNode partial = JSON.createObjectNode();
          partial.put("apiVersion", "meta.k8s.io/v1").put("kind", "PartialObjectMetadata");
          partial.set("metadata", item.get("metadata"));
          items.add(partial);
        } else {
          items.add(item);
        }
      }
      if (metadataOnly) {
        list.put("apiVersion", "meta.k8s.io/v1").put("kind", "PartialObjectMetadataList");
      }
      list.set("items", page(items, list, request.getPath()));
      return new MockResponse().setResponseCode(200).setBody(JSON.writeValueAsString(list));
    } catch (IOException e) {
      return response;
    }
  }

  /** The page {@code limit} and {@code continue} (an offset here) ask for. */
  private static ArrayNode page(ArrayNode items, ObjectNode list, String path) {
    String limit = parameter(path, "limit", null);
    if (limit == null) {
      return items;
    }
    String token = parameter(path, "continue", null);
    int from = token == null ? 0 : Integer.parseInt(token);
    int to = Math.min(items.size(), from + Integer.parseInt(limit));
    ArrayNode page = JSON.createArrayNode();
    for (int i = from; i < to; i++) {
      page.add(items.get(i));
    }
    if (to < items.size()) {
      list.withObject("/metadata").put("continue", String.valueOf(to));
    }
    return page;
  }

  /** A query parameter, or one requirement ({@code field=value}) of a selector parameter. */
  private static String parameter(String path, String name, String field) {
    String query = URI.create(path).getRawQuery();
    if (query == null) {
      return null;
    }
    for (String parameter : query.split("&")) {
      if (!parameter.startsWith(name + "=")) {
        continue;
      }
      String value =
          URLDecoder.decode(parameter.substring(name.length() + 1), StandardCharsets.UTF_8);
      if (field == null) {
        return value;
      }
      for (String requirement : value.split(",")) {
        if (requirement.startsWith(field + "=")) {
          return requirement.substring(field.length() + 1);
        }
      }
    }
    return null;
  }
}
