package dev.rampart.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rampart's own manifests pass its own scan: nothing of medium severity or above. */
class DeployManifestsTest {

  @Test
  void scanningDeployFindsNothingOfMediumSeverityOrAbove() throws IOException {
    Cli r = Cli.run("scan", "../deploy", "--format", "json", "--fail-on", "medium");

    assertThat(r.exit()).as(r.out()).isZero();
    assertThat(r.err()).isEmpty();
    JsonNode report = new ObjectMapper().readTree(r.out());
    assertThat(report.path("coverage").path("objects").asInt()).isEqualTo(9);
    List<String> accepted = new ArrayList<>();
    for (JsonNode e : report.path("exceptionsApplied")) {
      accepted.add(e.path("checkId").asText() + " " + e.path("resource").asText());
      assertThat(e.path("reason").asText()).isNotBlank();
    }
    assertThat(accepted)
        .containsExactlyInAnyOrder(
            "rbac-read-secrets ClusterRoleBinding/rampart-scanner",
            "rbac-nodes-proxy ClusterRoleBinding/rampart-kubelet-config-reader");
  }
}
