package dev.rampart.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --store}, {@code --baseline SCAN-ID|FILE} and {@code --fail-on-new}. */
class BaselineTest {

  private static final String POD =
      """
      apiVersion: v1
      kind: Pod
      metadata: {name: NAME, namespace: shop}
      spec:
        containers: [{name: app, image: app:1.0, securityContext: {privileged: PRIVILEGED}}]
      """;

  @TempDir Path dir;
  private Path manifests;
  private String db;

  @BeforeEach
  void oneOrdinaryPod() throws Exception {
    manifests = Files.createDirectories(dir.resolve("k8s"));
    pod("web", false);
    db = "jdbc:h2:file:" + dir.resolve("db/rampart") + ";MODE=PostgreSQL";
  }

  @Test
  void onlyNewFindingsGateAgainstAReportFile() throws Exception {
    Path baseline = dir.resolve("base.json");
    assertThat(scan("-f", "json", "-o", baseline.toString()).exit()).isZero();

    // Nothing changed: even a gate on every severity passes, since nothing is new.
    assertThat(scan("--baseline", baseline.toString(), "--fail-on-new").exit()).isZero();
    assertThat(scan("--baseline", baseline.toString(), "--fail-on", "low").exit()).isEqualTo(1);

    pod("priv", true);
    Cli r = scan("--baseline", baseline.toString(), "--fail-on-new", "-f", "json");
    assertThat(r.exit()).isEqualTo(1);
    JsonNode report = new ObjectMapper().readTree(r.out());
    List<String> marked = new ArrayList<>();
    for (JsonNode f : report.path("findings")) {
      assertThat(f.has("new")).isTrue();
      if (f.path("new").asBoolean()) {
        marked.add(f.path("resource").path("name").asText());
      }
    }
    assertThat(marked).isNotEmpty().containsOnly("priv");
    assertThat(report.path("baseline").path("new").asInt()).isEqualTo(marked.size());
    assertThat(report.path("baseline").path("resolved").asInt()).isZero();
    assertThat(report.path("baseline").path("against").asText()).contains("base.json");
  }

  @Test
  void failOnStillSetsTheSeverityOfNewFindingsThatGate() throws Exception {
    Path baseline = dir.resolve("base.json");
    assertThat(scan("-f", "json", "-o", baseline.toString()).exit()).isZero();
    // A second unprivileged pod: new findings, none of them critical.
    pod("web2", false);
    assertThat(scan("--baseline", baseline.toString(), "--fail-on-new").exit()).isEqualTo(1);
    assertThat(
            scan("--baseline", baseline.toString(), "--fail-on-new", "--fail-on", "critical")
                .exit())
        .isZero();
    pod("priv", true);
    assertThat(
            scan("--baseline", baseline.toString(), "--fail-on-new", "--fail-on", "critical")
                .exit())
        .isEqualTo(1);
  }

  @Test
  void againstAStoredScan() throws Exception {
    Cli stored = scan("--db", db, "-f", "json");
    assertThat(stored.exit()).isZero();
    assertThat(stored.err()).contains("rampart: scan stored as 1");

    // Each of these runs stores its scan too: 2, then 3.
    assertThat(scan("--db", db, "--baseline", "1", "--fail-on-new").exit()).isZero();
    pod("priv", true);
    Cli table = scan("--db", db, "--baseline", "1", "--fail-on-new", "--no-color");
    assertThat(table.exit()).isEqualTo(1);
    assertThat(table.out()).contains("NEW  privileged-container").contains("stored scan 1");
    // Scan 3 already has the privileged pod.
    assertThat(scan("--db", db, "--baseline", "3", "--fail-on-new").exit()).isZero();
  }

  @Test
  void usageErrors() throws Exception {
    assertThat(scan("--fail-on-new").exit()).isEqualTo(2);
    Cli missing = scan("--baseline", dir.resolve("nope.json").toString());
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("neither a file nor the id of a stored scan");
    Path notAReport = Files.writeString(dir.resolve("x.json"), "{\"hello\": 1}");
    Cli bad = scan("--baseline", notAReport.toString());
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("not a Rampart JSON report");
    Cli unknown = scan("--db", db, "--baseline", "42");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("no stored scan 42");
    assertThat(scan("--db", "jdbc:mysql://x/y").exit()).isEqualTo(3);
  }

  private Cli scan(String... options) {
    List<String> args = new ArrayList<>(List.of("scan", manifests.toString()));
    args.addAll(List.of(options));
    return Cli.run(args.toArray(String[]::new));
  }

  private void pod(String name, boolean privileged) throws Exception {
    Files.writeString(
        manifests.resolve(name + ".yaml"),
        POD.replace("NAME", name).replace("PRIVILEGED", Boolean.toString(privileged)));
  }
}
