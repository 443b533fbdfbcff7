package dev.rampart.server;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The OpenAPI 3 description of the API, kept beside the code and checked against the routes. */
final class OpenApiDocument {

  static final String RESOURCE = "/openapi.json";

  private OpenApiDocument() {}

  static void serve(Context ctx) {
    ctx.contentType("application/json").result(bytes());
  }

  static byte[] bytes() {
    try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
