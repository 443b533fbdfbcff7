package dev.rampart.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /api/v1/scans/{id}/compliance}, the endpoint the dashboard's asset-group view adds:
 * its counts must equal what the findings themselves say, for the whole scan and for each group.
 */
class ComplianceApiTest {

  @Test
  void countsEqualTheFindingsOfTheScanAndOfEachGroup(@TempDir Path dir) {
    try (DashboardServer server = new DashboardServer(dir, null)) {
      long id = server.saveDemo();
      assertMatchesFindings(server, id, null);
      for (JsonNode group : server.api("/scans/" + id).get("assetGroups")) {
        assertMatchesFindings(server, id, group.get("name").asText());
      }
      assertThat(server.api("/scans/" + id + "/compliance?group=no-such-group").toString())
          .contains("\"findings\":0")
          .doesNotContain("\"findings\":1");
    }
  }

  private static void assertMatchesFindings(DashboardServer server, long id, String group) {
    String filter =
        group == null ? "" : "&group=" + URLEncoder.encode(group, StandardCharsets.UTF_8);
    Map<String, Integer> expected = new HashMap<>();
    JsonNode findings = server.api("/scans/" + id + "/findings?limit=1000" + filter);
    assertThat(findings.get("total").asInt()).isLessThanOrEqualTo(1000);
    for (JsonNode f : findings.get("items")) {
      Set<String> frameworks = new HashSet<>();
      f.get("frameworks").forEach(r -> frameworks.add(r.asText().replaceAll(":.*", "")));
      frameworks.forEach(fw -> expected.merge(fw, 1, Integer::sum));
    }
    JsonNode compliance =
        server.api(
            "/scans/" + id + "/compliance" + (group == null ? "" : "?" + filter.substring(1)));
    Map<String, Integer> actual = new HashMap<>();
    compliance
        .get("frameworks")
        .forEach(
            f -> {
              if (f.get("findings").asInt() > 0) {
                actual.put(f.get("framework").asText(), f.get("findings").asInt());
              }
            });
    assertThat(actual).as(group == null ? "whole scan" : group).isEqualTo(expected);
    assertThat(actual).isNotEmpty();
  }
}
