package dev.rampart.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanCommandTest {

  private static final String PRIVILEGED =
      """
      apiVersion: v1
      kind: Pod
      metadata: {name: priv, namespace: shop}
      spec:
        containers: [{name: app, image: app:1.0, securityContext: {privileged: true}}]
      """;

  @Test
  void scansTheDemoClusterAsATable() {
    Cli r = Cli.run("scan", "--demo", "--no-color");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("privileged-container").contains("node-debugger");
  }

  @Test
  void gatesOnSeverity() {
    assertThat(Cli.run("scan", "--demo", "--fail-on", "critical", "-f", "json").exit())
        .isEqualTo(1);
    assertThat(
            Cli.runWithStdin(PRIVILEGED, "scan", "-", "--fail-on", "critical", "-f", "json").exit())
        .isEqualTo(1);
    assertThat(
            Cli.runWithStdin(
                    PRIVILEGED.replace("privileged: true", "privileged: false"),
                    "scan",
                    "-",
                    "--fail-on",
                    "critical",
                    "-f",
                    "json")
                .exit())
        .isZero();
  }

  @Test
  void aMalformedDocumentIsAnErrorAndTheRestIsStillScanned(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("app.yaml");
    Files.writeString(
        file,
        PRIVILEGED + "---\nkind: [oops\n---\n" + PRIVILEGED.replace("name: priv,", "name: priv2,"));
    Cli r = Cli.run("scan", file.toString(), "-f", "json", "--fail-on", "critical");
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err()).contains("app.yaml:8 (document 2)").contains("(opened at line 7)");
    JsonNode json = new ObjectMapper().readTree(r.out());
    List<String> withFindings = new ArrayList<>();
    // Pod findings only: the namespace itself has findings too (no NetworkPolicy).
    json.path("findings")
        .forEach(
            f -> {
              if (f.path("resource").path("kind").asText().equals("Pod")) {
                withFindings.add(f.path("resource").path("name").asText());
              }
            });
    assertThat(withFindings).containsOnly("priv", "priv2");
    assertThat(json.path("coverage").path("errors")).hasSize(1);
  }

  @Test
  void writesTheReportToAFile(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("reports/rampart.sarif");
    Cli r =
        Cli.runWithStdin(PRIVILEGED, "scan", "-", "--format", "sarif", "--output", out.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(new ObjectMapper().readTree(out.toFile()).path("version").asText())
        .isEqualTo("2.1.0");
  }

  @Test
  void usageErrorsExitWithTwo(@TempDir Path dir) throws Exception {
    assertThat(Cli.run("scan", "--demo", "app.yaml").exit()).isEqualTo(2);
    assertThat(Cli.run("scan", "--demo", "--snapshot", "shop.json.gz").exit()).isEqualTo(2);
    assertThat(Cli.run("scan", "app.yaml", "--context", "prod").exit()).isEqualTo(2);
    assertThat(Cli.run("scan", "--demo", "--format", "pdf").err())
        .contains("unknown report format 'pdf'");
    assertThat(Cli.run("scan", "--demo", "--fail-on", "severe").exit()).isEqualTo(2);
    assertThat(Cli.run("scan", "--demo", "--bogus").exit()).isEqualTo(2);
    Path config = dir.resolve("rampart.yaml");
    Files.writeString(config, "cluster: x\nexceptons: []\n");
    Cli r = Cli.run("scan", "--demo", "--config", config.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("rampart.yaml:2").contains("unknown key 'exceptons'");
  }

  @Test
  void aMissingFileExitsWithThree() {
    Cli r = Cli.run("scan", "no/such/dir/app.yaml");
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err()).contains("no/such/dir/app.yaml: no such file or directory");
  }

  @Test
  void filtersByNamespaceAndSeverity() throws Exception {
    Cli r = Cli.run("scan", "--demo", "-n", "monitoring", "--min-severity", "high", "-f", "json");
    JsonNode findings = new ObjectMapper().readTree(r.out()).path("findings");
    assertThat(findings).isNotEmpty();
    for (JsonNode f : findings) {
      assertThat(f.path("resource").path("namespace").asText()).isEqualTo("monitoring");
      assertThat(f.path("severity").asText()).isIn("critical", "high");
    }
  }

  @Test
  void listsAndExplainsChecks() {
    Cli list = Cli.run("checks");
    assertThat(list.exit()).isZero();
    assertThat(list.out()).contains("privileged-container");
    Cli explain = Cli.run("explain", "privileged-container");
    assertThat(explain.out()).contains("Why it matters").contains("pss:baseline/privileged");
    assertThat(Cli.run("explain", "nope").exit()).isEqualTo(2);
  }
}
