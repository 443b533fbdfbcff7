package dev.rampart.report;

import static dev.rampart.report.ReportFixtures.context;
import static dev.rampart.report.ReportFixtures.render;
import static dev.rampart.report.ReportFixtures.scan;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rampart.checks.Finding;
import dev.rampart.scan.ScanResult;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A scan compared with a baseline: which findings are new, and how each format says so. */
class BaselineTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ScanResult result = scan();
  private final List<Finding> findings = result.findings();
  // The baseline had every finding but the first, and one this scan no longer has.
  private final Baseline baseline = Baseline.compare("stored scan 7", earlier(), findings);

  private Set<String> earlier() {
    Set<String> ids = new HashSet<>();
    findings.stream().skip(1).forEach(f -> ids.add(f.id()));
    ids.add("gone-since");
    return ids;
  }

  @Test
  void countsNewResolvedAndUnchangedByFindingId() {
    assertThat(baseline.newFindings()).containsExactly(findings.get(0).id());
    assertThat(baseline.resolved()).isEqualTo(1);
    assertThat(baseline.unchanged()).isEqualTo(findings.size() - 1);
    assertThat(baseline.isNew(findings.get(0))).isTrue();
    assertThat(baseline.isNew(findings.get(1))).isFalse();
  }

  @Test
  void theJsonReportMarksEveryFindingAndCounts() throws Exception {
    JsonNode report =
        JSON.readTree(render(ReportFormat.JSON, result, context().withBaseline(baseline)));
    JsonNode first = report.path("findings").get(0);
    assertThat(first.path("new").asBoolean()).isTrue();
    for (int i = 1; i < findings.size(); i++) {
      assertThat(report.path("findings").get(i).path("new").isBoolean()).isTrue();
      assertThat(report.path("findings").get(i).path("new").asBoolean()).isFalse();
    }
    JsonNode b = report.path("baseline");
    assertThat(b.path("against").asText()).isEqualTo("stored scan 7");
    assertThat(b.path("new").asInt()).isEqualTo(1);
    assertThat(b.path("resolved").asInt()).isEqualTo(1);
    assertThat(b.path("unchanged").asInt()).isEqualTo(findings.size() - 1);
  }

  @Test
  void withoutABaselineTheReportHasNoTraceOfOne() throws Exception {
    JsonNode report = JSON.readTree(render(ReportFormat.JSON, result, context()));
    assertThat(report.has("baseline")).isFalse();
    report.path("findings").forEach(f -> assertThat(f.has("new")).isFalse());
  }

  @Test
  void sarifSetsTheBaselineStateAndStaysValid() throws Exception {
    String sarif = render(ReportFormat.SARIF, result, context().withBaseline(baseline));
    assertThat(Schemas.sarifErrors(sarif)).isEmpty();
    JsonNode results = JSON.readTree(sarif).get("runs").get(0).get("results");
    long fresh = 0;
    for (JsonNode r : results) {
      assertThat(r.path("baselineState").asText()).isIn("new", "unchanged");
      fresh += r.path("baselineState").asText().equals("new") ? 1 : 0;
    }
    assertThat(fresh).isEqualTo(1);
  }

  @Test
  void theTableMarksNewFindingsAndSaysWhatItComparedWith() throws Exception {
    String table = render(ReportFormat.TABLE, result, context().withBaseline(baseline));
    assertThat(table).contains("NEW  " + findings.get(0).checkId());
    assertThat(table.split("NEW  ", -1)).hasSize(2);
    assertThat(table).contains("stored scan 7: 1 new (marked NEW), 1 resolved");
  }
}
