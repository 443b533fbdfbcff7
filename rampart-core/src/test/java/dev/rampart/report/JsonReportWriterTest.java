package dev.rampart.report;

import static dev.rampart.report.ReportFixtures.context;
import static dev.rampart.report.ReportFixtures.render;
import static dev.rampart.report.ReportFixtures.scan;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonReportWriterTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String json = render(ReportFormat.JSON, scan(), context());

  @Test
  void matchesGolden() throws Exception {
    Golden.assertMatches("expected-report.json", json);
  }

  @Test
  void hasExactlyTheTopLevelKeysOfTheContract() throws Exception {
    JsonNode root = JSON.readTree(json);
    assertThat(keys(root))
        .containsExactly(
            "schemaVersion",
            "tool",
            "scan",
            "coverage",
            "summary",
            "findings",
            "attackPaths",
            "attackPathBounds",
            "assetGroups",
            "exceptionsApplied",
            "exceptionsExpired");
    assertThat(root.get("schemaVersion").asText()).isEqualTo("rampart.report/v1");
    assertThat(keys(root.get("tool"))).containsExactly("name", "version");
    assertThat(keys(root.get("scan")))
        .containsExactly("id", "startedAt", "durationMs", "source", "cluster");
    assertThat(root.get("scan").get("startedAt").asText()).isEqualTo("2025-03-01T10:15:30.250Z");
    assertThat(keys(root.get("coverage")))
        .containsExactly("objects", "byKind", "notEvaluated", "errors", "warnings", "checks");
    assertThat(keys(root.get("summary"))).containsExactly("bySeverity", "byCategory", "score");
    assertThat(root.get("attackPaths").isArray()).isTrue();
    assertThat(root.get("attackPaths")).isEmpty();
  }

  @Test
  void findingHasTheKeysOfTheContractAndOmitsWhatIsUnknown() throws Exception {
    JsonNode findings = JSON.readTree(json).get("findings");
    assertThat(findings).hasSize(4);

    JsonNode inFile = findings.get(0);
    assertThat(keys(inFile))
        .containsExactly(
            "id",
            "checkId",
            "title",
            "severity",
            "category",
            "priority",
            "priorityReasons",
            "resource",
            "location",
            "message",
            "evidence",
            "frameworks",
            "remediation");
    assertThat(keys(inFile.get("resource")))
        .containsExactly("apiVersion", "kind", "namespace", "name", "container");
    assertThat(keys(inFile.get("location"))).containsExactly("file", "line", "document");
    assertThat(keys(inFile.get("evidence"))).containsExactly("path", "value");
    assertThat(keys(inFile.get("remediation"))).containsExactly("text", "patch");
    assertThat(keys(inFile.get("remediation").get("patch")))
        .containsExactly("type", "content", "command");
    assertThat(inFile.get("severity").asText()).isEqualTo("critical");
    assertThat(inFile.get("category").asText()).isEqualTo("workload");

    JsonNode live = findings.get(1);
    assertThat(live.has("location")).as("a finding read from a cluster has no location").isFalse();
    assertThat(keys(live.get("resource"))).containsExactly("apiVersion", "kind", "name");
    assertThat(keys(live.get("remediation"))).containsExactly("text");

    JsonNode helm = findings.get(2);
    assertThat(keys(helm.get("location"))).containsExactly("file", "line", "document", "template");
    assertThat(keys(helm.get("evidence"))).containsExactly("path");

    assertThat(json).doesNotContain("null");
  }

  @Test
  void countsEverySeverityInOrderAndEveryCategory() throws Exception {
    JsonNode summary = JSON.readTree(json).get("summary");
    assertThat(keys(summary.get("bySeverity")))
        .containsExactly("critical", "high", "medium", "low", "info");
    assertThat(summary.get("bySeverity").get("info").asInt()).isZero();
    assertThat(keys(summary.get("byCategory")))
        .containsExactly(
            "workload",
            "rbac",
            "network",
            "data",
            "control-plane",
            "vulnerability",
            "supply-chain");
    assertThat(summary.get("score").asInt()).isEqualTo(62);
  }

  @Test
  void coverageCarriesProblemsAndChecks() throws Exception {
    JsonNode coverage = JSON.readTree(json).get("coverage");
    assertThat(keys(coverage.get("byKind")))
        .as("sorted, so that the same scan gives the same bytes")
        .containsExactly("ClusterRole", "Deployment", "Pod", "Service");
    assertThat(keys(coverage.get("errors").get(0)))
        .containsExactly("file", "line", "document", "message");
    assertThat(keys(coverage.get("warnings").get(0)))
        .containsExactly("file", "document", "message");
    assertThat(keys(coverage.get("notEvaluated").get(0))).containsExactly("checkId", "reason");
    assertThat(keys(coverage.get("checks").get(0)))
        .containsExactly("checkId", "passed", "failed", "notApplicable", "notEvaluated");
  }

  private static List<String> keys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }
}
