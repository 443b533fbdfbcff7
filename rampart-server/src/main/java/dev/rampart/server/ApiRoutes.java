package dev.rampart.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rampart.store.FindingQuery;
import dev.rampart.store.ScanDetail;
import dev.rampart.store.ScanDiff;
import dev.rampart.store.ScanStore;
import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The REST API of {@code docs/api.md}: every response is JSON built from the stored reports. */
final class ApiRoutes {

  private final ScanStore store;
  private final ScanQueue queue;
  private final ObjectMapper json;

  ApiRoutes(ScanStore store, ScanQueue queue, ObjectMapper json) {
    this.store = store;
    this.queue = queue;
    this.json = json;
  }

  /** One route of the API: the OpenAPI document must describe exactly these. */
  record Route(HandlerType method, String path, Handler handler) {}

  List<Route> routes() {
    return List.of(
        get("/healthz", ctx -> ctx.json(Map.of("status", "ok"))),
        get("/api/openapi.json", OpenApiDocument::serve),
        get("/api/v1/scans", ctx -> ctx.json(Map.of("items", store.list()))),
        new Route(HandlerType.POST, "/api/v1/scans", this::startScan),
        get("/api/v1/scans/{id}", ctx -> ctx.json(detail(found(store.detail(id(ctx)))))),
        get("/api/v1/scans/{id}/findings", this::findings),
        get("/api/v1/scans/{id}/findings/{findingId}", this::finding),
        get(
            "/api/v1/scans/{id}/paths",
            ctx -> ctx.json(Map.of("items", found(store.attackPaths(id(ctx)))))),
        get("/api/v1/scans/{id}/diff/{otherId}", this::diff),
        // Added for the dashboard's asset-group view; additive to the contract of issue 9.
        get(
            "/api/v1/scans/{id}/compliance",
            ctx -> ctx.json(found(store.compliance(id(ctx), ctx.queryParam("group"))))),
        get("/api/v1/groups", ctx -> ctx.json(Map.of("items", store.groups()))),
        get("/api/v1/trend", ctx -> ctx.json(store.trend())));
  }

  void register(Javalin app) {
    for (Route r : routes()) {
      app.addHttpHandler(r.method(), r.path(), r.handler());
    }
  }

  private static Route get(String path, Handler handler) {
    return new Route(HandlerType.GET, path, handler);
  }

  private void startScan(Context ctx) {
    if (queue == null) {
      ctx.status(HttpStatus.CONFLICT);
      ctx.json(error(409, "this server has no scan source"));
    } else if (queue.submit()) {
      ctx.status(HttpStatus.ACCEPTED);
      ctx.json(Map.of("status", "queued"));
    } else {
      ctx.status(HttpStatus.CONFLICT);
      ctx.json(error(409, "a scan is already queued or running"));
    }
  }

  private void findings(Context ctx) {
    long id = id(ctx);
    FindingQuery query;
    try {
      query = FindingQuery.parse(singleValues(ctx));
    } catch (IllegalArgumentException e) {
      throw new BadRequestResponse(e.getMessage());
    }
    ctx.json(found(store.findings(id, query)));
  }

  private void finding(Context ctx) {
    long id = id(ctx);
    JsonNode finding = found(store.finding(id, ctx.pathParam("findingId")));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("finding", finding);
    String checkId = finding.path("checkId").asText();
    body.put(
        "check",
        store.check(id, checkId).orElseGet(() -> json.createObjectNode().put("id", checkId)));
    ctx.json(body);
  }

  private void diff(Context ctx) {
    long from = id(ctx);
    long to = number(ctx.pathParam("otherId"));
    ScanDiff diff = found(store.diff(from, to));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("from", diff.from());
    body.put("to", diff.to());
    body.put("new", diff.added());
    body.put("resolved", diff.resolved());
    body.put("unchanged", diff.unchanged());
    ctx.json(body);
  }

  private ObjectNode detail(ScanDetail d) {
    ObjectNode node = json.valueToTree(d.summary());
    node.set("coverage", d.coverage());
    node.set("assetGroups", d.assetGroups());
    node.set("exceptionsApplied", d.exceptionsApplied());
    node.set("exceptionsExpired", d.exceptionsExpired());
    return node;
  }

  /** A repeated parameter is ambiguous; the API takes comma-separated lists instead. */
  private static Map<String, String> singleValues(Context ctx) {
    Map<String, String> params = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : ctx.queryParamMap().entrySet()) {
      params.put(e.getKey(), String.join(",", e.getValue()));
    }
    return params;
  }

  private static long id(Context ctx) {
    return number(ctx.pathParam("id"));
  }

  private static long number(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new BadRequestResponse("a scan id is a number, not '" + text + "'");
    }
  }

  private static <T> T found(Optional<T> value) {
    return value.orElseThrow(() -> new NotFoundResponse("no such scan or finding"));
  }

  static Map<String, Object> error(int status, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status);
    body.put("error", message);
    return body;
  }
}
