package dev.rampart.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reading the finding ids of a baseline report as a stream. */
class ReportDocumentTest {

  @Test
  void readsTheIdsOfEveryFindingOfAWrittenReport() throws Exception {
    NewScan scan = TestScans.hostile();
    String json = scan.report().root().toPrettyString();
    assertThat(ids(json)).containsExactly("hostile00000000000001");
  }

  @Test
  void fieldOrderDoesNotMatterAndUnknownFieldsAreSkipped() throws Exception {
    String json =
        """
        {"findings": [{"id": "a", "x": {"deep": [1, 2]}}, {"id": "b"}],
         "future": {"findings": [{"id": "not-this-one"}]},
         "schemaVersion": "rampart.report/v1"}
        """;
    assertThat(ids(json)).containsExactly("a", "b");
  }

  @Test
  void anythingElseIsNotAReport() {
    for (String json :
        List.of(
            "[]",
            "{\"findings\": []}",
            "{\"schemaVersion\": \"rampart.report/v1\"}",
            "{\"schemaVersion\": \"rampart.report/v2\", \"findings\": []}",
            "{\"schemaVersion\": \"rampart.report/v1\", \"findings\": {}}")) {
      assertThatThrownBy(() -> ids(json))
          .as(json)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("not a Rampart JSON report");
    }
  }

  @Test
  void theWholeReportOfAScanHasTheSectionsTheStoreKeeps() {
    JsonNode header = TestScans.hostile().header().root();
    assertThat(header.path("findings")).isEmpty();
    assertThat(header.path("summary").path("score").asInt()).isEqualTo(90);
    assertThat(header.has("coverage")).isTrue();
  }

  private static Set<String> ids(String json) throws IOException {
    return ReportDocument.findingIds(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }
}
