package dev.rampart.report;

import static dev.rampart.report.ReportFixtures.context;
import static dev.rampart.report.ReportFixtures.render;
import static dev.rampart.report.ReportFixtures.scan;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rampart.checks.Finding;
import dev.rampart.checks.Severity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SarifReportWriterTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String sarif = render(ReportFormat.SARIF, scan(), context());

  @Test
  void matchesGolden() throws Exception {
    Golden.assertMatches("expected-report.sarif", sarif);
  }

  @Test
  void isValidSarif210() throws Exception {
    assertThat(Schemas.sarifErrors(sarif)).isEmpty();
  }

  @Test
  void schemaCatchesAnInvalidDocument() throws Exception {
    // Guards the guard: a validator that accepts everything would make the test above useless.
    String broken = sarif.replace("\"level\": \"error\"", "\"level\": \"fatal\"");
    assertThat(broken).isNotEqualTo(sarif);
    assertThat(Schemas.sarifErrors(broken)).isNotEmpty();
  }

  @Test
  void rulesComeFromTheCatalogAndResultsPointAtThem() throws Exception {
    JsonNode run = JSON.readTree(sarif).get("runs").get(0);
    JsonNode rules = run.get("tool").get("driver").get("rules");
    assertThat(rules).hasSize(ReportFixtures.catalog().size());
    JsonNode privileged = rules.get(0);
    assertThat(privileged.get("id").asText()).isEqualTo("privileged-container");
    assertThat(privileged.get("name").asText()).isEqualTo("PrivilegedContainer");
    assertThat(privileged.get("defaultConfiguration").get("level").asText()).isEqualTo("error");
    assertThat(privileged.get("properties").get("security-severity").asText()).isEqualTo("9.5");
    assertThat(privileged.get("properties").get("category").asText()).isEqualTo("workload");

    for (JsonNode result : run.get("results")) {
      JsonNode rule = rules.get(result.get("ruleIndex").asInt());
      assertThat(rule.get("id").asText()).isEqualTo(result.get("ruleId").asText());
    }
  }

  @Test
  void resultsPointAtFileAndLineWhenKnownAndAtTheResourceAlways() throws Exception {
    JsonNode results = JSON.readTree(sarif).get("runs").get(0).get("results");
    JsonNode inFile = results.get(0).get("locations").get(0);
    assertThat(inFile.at("/physicalLocation/artifactLocation/uri").asText())
        .isEqualTo("k8s/payments/api.yaml");
    assertThat(inFile.at("/physicalLocation/region/startLine").asInt()).isEqualTo(12);
    assertThat(inFile.at("/logicalLocations/0/fullyQualifiedName").asText())
        .isEqualTo("Deployment/payments/api");

    JsonNode live = results.get(1).get("locations").get(0);
    assertThat(live.has("physicalLocation")).isFalse();
    assertThat(live.at("/logicalLocations/0/fullyQualifiedName").asText())
        .isEqualTo("ClusterRole/ops-admin");
    assertThat(live.at("/logicalLocations/0/kind").asText()).isEqualTo("resource");

    assertThat(results.get(2).at("/locations/0/physicalLocation/artifactLocation/uri").asText())
        .isEqualTo("rendered/shop%20app.yaml");
    assertThat(results.get(0).at("/partialFingerprints/rampart~1v1").asText())
        .isEqualTo("9c1e5a7b3d2f4e6a8b0c");
    assertThat(results.get(0).get("rank").asInt()).isEqualTo(95);
  }

  @Test
  void inputProblemsAreToolExecutionNotifications() throws Exception {
    JsonNode invocation = JSON.readTree(sarif).at("/runs/0/invocations/0");
    assertThat(invocation.get("executionSuccessful").asBoolean()).isFalse();
    List<String> levels = new ArrayList<>();
    invocation.get("toolExecutionNotifications").forEach(n -> levels.add(n.get("level").asText()));
    assertThat(levels).containsExactly("error", "warning", "warning");
    assertThat(
            invocation
                .at("/toolExecutionNotifications/0/locations/0/physicalLocation/region/startLine")
                .asInt())
        .isEqualTo(7);
    assertThat(invocation.at("/toolExecutionNotifications/2/associatedRule/id").asText())
        .isEqualTo("kubelet-anonymous-auth");
  }

  @Test
  void aFindingOfACheckOutsideTheCatalogStillHasARule() throws Exception {
    Finding f = ReportFixtures.findings().get(0);
    Finding unknown =
        new Finding(
            f.id(),
            "custom-policy",
            "Custom policy violated",
            f.severity(),
            f.category(),
            10,
            List.of(),
            f.resource(),
            null,
            "violated",
            null,
            List.of(),
            null);
    String out =
        render(ReportFormat.SARIF, scan(List.of(unknown)), ReportContext.of(List.of(), "1"));
    assertThat(Schemas.sarifErrors(out)).isEmpty();
    JsonNode run = JSON.readTree(out).get("runs").get(0);
    assertThat(run.at("/tool/driver/rules/0/id").asText()).isEqualTo("custom-policy");
    assertThat(run.at("/results/0/ruleIndex").asInt()).isZero();
  }

  @Test
  void levelsAndSecuritySeverities() {
    assertThat(SarifReportWriter.level(Severity.CRITICAL)).isEqualTo("error");
    assertThat(SarifReportWriter.level(Severity.HIGH)).isEqualTo("error");
    assertThat(SarifReportWriter.level(Severity.MEDIUM)).isEqualTo("warning");
    assertThat(SarifReportWriter.level(Severity.LOW)).isEqualTo("note");
    assertThat(SarifReportWriter.level(Severity.INFO)).isEqualTo("note");
    assertThat(SarifReportWriter.securitySeverity(Severity.HIGH)).isEqualTo("8.0");
    assertThat(SarifReportWriter.securitySeverity(Severity.MEDIUM)).isEqualTo("5.5");
    assertThat(SarifReportWriter.securitySeverity(Severity.LOW)).isEqualTo("3.0");
    assertThat(SarifReportWriter.securitySeverity(Severity.INFO)).isEqualTo("0.0");
  }

  @Test
  void fileNamesBecomeUriReferences() {
    assertThat(SarifReportWriter.uri("k8s/app.yaml")).isEqualTo("k8s/app.yaml");
    assertThat(SarifReportWriter.uri("k8s\\sub dir\\app.yaml")).isEqualTo("k8s/sub%20dir/app.yaml");
    assertThat(SarifReportWriter.uri("/srv/k8s/app.yaml")).isEqualTo("file:///srv/k8s/app.yaml");
    assertThat(SarifReportWriter.uri("C:\\k8s\\app.yaml")).isEqualTo("file:///C:/k8s/app.yaml");
    assertThat(SarifReportWriter.uri("a:b.yaml")).isEqualTo("./a:b.yaml");
    assertThat(SarifReportWriter.uri("ü#1.yaml")).isEqualTo("%C3%BC%231.yaml");
  }
}
