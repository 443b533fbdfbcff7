package dev.rampart.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The OpenAPI document is valid and describes exactly the routes the server registers. */
class OpenApiDocumentTest {

  private static final SwaggerParseResult PARSED =
      new OpenAPIV3Parser()
          .readContents(new String(OpenApiDocument.bytes(), StandardCharsets.UTF_8), null, null);

  @Test
  void isAValidOpenApi3Document() {
    assertThat(PARSED.getMessages()).isEmpty();
    assertThat(PARSED.getOpenAPI().getOpenapi()).startsWith("3.");
  }

  @Test
  void describesEveryRouteAndNoOther() {
    Set<String> documented = new TreeSet<>();
    OpenAPI api = PARSED.getOpenAPI();
    api.getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .keySet()
                    .forEach(m -> documented.add(m.name() + " " + path)));
    Set<String> served = new TreeSet<>();
    for (ApiRoutes.Route r : new ApiRoutes(null, null, null).routes()) {
      served.add(r.method().name().toUpperCase(Locale.ROOT) + " " + r.path());
    }
    assertThat(documented).isEqualTo(served);
  }

  @Test
  void everyOperationDocumentsItsErrors() {
    PARSED
        .getOpenAPI()
        .getPaths()
        .forEach(
            (path, item) -> {
              for (var e : item.readOperationsMap().entrySet()) {
                var responses = e.getValue().getResponses();
                if (path.contains("{id}")) {
                  assertThat(responses).as(e.getKey() + " " + path).containsKeys("400", "404");
                }
                if (path.startsWith("/api/v1/")) {
                  assertThat(responses).as(e.getKey() + " " + path).containsKey("401");
                }
              }
            });
    assertThat(PARSED.getOpenAPI().getPaths().get("/api/v1/scans").getPost().getResponses())
        .containsKeys("202", "409");
  }
}
