package dev.rampart.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.rampart.store.ScanStore;
import dev.rampart.store.StoreException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.util.Map;

/**
 * The dashboard and the REST API in one process. The API answers JSON only, with the same security
 * headers on every response and no CORS: the dashboard is served from the same origin, and no other
 * origin has any business reading a cluster's weaknesses.
 */
public final class RampartServer implements AutoCloseable {

  static final Map<String, String> SECURITY_HEADERS =
      Map.of(
          "Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'",
          "X-Content-Type-Options", "nosniff",
          "X-Frame-Options", "DENY",
          "Referrer-Policy", "no-referrer");

  private final Javalin app;
  private final ServerOptions options;

  private RampartServer(Javalin app, ServerOptions options) {
    this.app = app;
    this.options = options;
  }

  /**
   * A server on the store; {@code queue} runs the scans that {@code POST /api/v1/scans} asks for
   * (null: none, the API answers 409).
   */
  public static RampartServer create(ScanStore store, ScanQueue queue, ServerOptions options) {
    ObjectMapper json =
        JsonMapper.builder(new JsonFactoryBuilder().characterEscapes(new HtmlSafeEscapes()).build())
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();
    Javalin app =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              config.jsonMapper(new JavalinJackson(json, false));
              config.staticFiles.add(
                  files -> {
                    files.hostedPath = "/";
                    files.directory = "/dashboard";
                    files.location = Location.CLASSPATH;
                    files.headers = SECURITY_HEADERS;
                    // Jetty names no charset for these (it sends "charset=null"); the dashboard's
                    // files are UTF-8, and with nosniff a browser must be told their type.
                    files.mimeTypes.add("text/html; charset=utf-8", "html");
                    files.mimeTypes.add("text/javascript; charset=utf-8", "js", "mjs");
                    files.mimeTypes.add("text/css; charset=utf-8", "css");
                    files.mimeTypes.add("image/svg+xml", "svg");
                  });
            });
    app.before(ctx -> SECURITY_HEADERS.forEach(ctx::header));
    if (options.token() != null) {
      app.before("/api/v1/*", ctx -> authorize(ctx, options.token()));
    }
    new ApiRoutes(store, queue, json).register(app);
    app.exception(
        HttpResponseException.class, (e, ctx) -> fail(ctx, e.getStatus(), e.getMessage()));
    app.exception(
        StoreException.class,
        (e, ctx) -> fail(ctx, HttpStatus.INTERNAL_SERVER_ERROR.getCode(), e.getMessage()));
    app.error(
        HttpStatus.NOT_FOUND,
        ctx -> {
          if (ctx.result() == null) {
            fail(ctx, HttpStatus.NOT_FOUND.getCode(), "not found");
          }
        });
    return new RampartServer(app, options);
  }

  private static void authorize(Context ctx, String token) {
    if (!Tokens.matches(ctx.header("Authorization"), token)) {
      ctx.header("WWW-Authenticate", "Bearer");
      throw new HttpResponseException(
          HttpStatus.UNAUTHORIZED.getCode(), "a bearer token is required (Authorization header)");
    }
  }

  private static void fail(Context ctx, int status, String message) {
    ctx.status(status);
    ctx.json(ApiRoutes.error(status, message));
  }

  public RampartServer start() {
    app.start(options.bind(), options.port());
    return this;
  }

  /** The port it listens on, once started: the chosen one when the options said 0. */
  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }
}
