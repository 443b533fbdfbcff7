package dev.rampart.report;

import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rampart.checks.BuiltInChecks;
import dev.rampart.checks.Check;
import dev.rampart.config.ConfigLoader;
import dev.rampart.config.RampartConfig;
import dev.rampart.scan.ScanOptions;
import dev.rampart.scan.ScanResult;
import dev.rampart.scan.Scanner;
import dev.rampart.source.demo.DemoCluster;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo scan's JSON report carries its attack paths and the posture of each asset group. */
class DemoAttackPathsReportTest {

  private static JsonNode root;

  @BeforeAll
  static void scanTheDemo() throws Exception {
    List<Check> catalog = BuiltInChecks.all();
    RampartConfig config =
        new ConfigLoader()
            .load(
                "rampart.yaml",
                DemoCluster.config(),
                catalog.stream().map(c -> c.descriptor().id()).collect(toSet()));
    ScanResult result =
        new Scanner(catalog, config, "rampart.yaml")
            .scan(DemoCluster.load(), ScanOptions.defaults());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new JsonReportWriter()
        .write(
            result,
            ReportContext.of(catalog.stream().map(Check::descriptor).toList(), "test"),
            out);
    root = new ObjectMapper().readTree(out.toByteArray());
  }

  @Test
  void eachPathHasTheContractFieldsAndExplainedSteps() {
    JsonNode paths = root.get("attackPaths");
    assertThat(paths.size()).isGreaterThanOrEqualTo(3);
    JsonNode first = paths.get(0);
    assertThat(keys(first))
        .containsExactly(
            "id",
            "entry",
            "target",
            "targetReason",
            "length",
            "likelihood",
            "impact",
            "score",
            "steps");
    assertThat(keys(first.get("steps").get(0)))
        .containsExactly("from", "to", "edge", "technique", "evidence");
    assertThat(root.get("attackPathBounds").size()).isZero();
  }

  @Test
  void thePaymentsGroupIsReachedAndItsFindingsAreCounted() {
    JsonNode payments = null;
    for (JsonNode g : root.get("assetGroups")) {
      if (g.get("name").asText().equals("payments")) {
        payments = g;
      }
    }
    assertThat(payments).isNotNull();
    assertThat(payments.get("criticality").asText()).isEqualTo("critical");
    assertThat(payments.get("attackPaths").size()).isPositive();
    assertThat(payments.get("score").asInt()).isBetween(0, 99);
    assertThat(payments.get("bySeverity").get("high").asInt()).isPositive();
  }

  @Test
  void findingsOnAPathSayWhichPath() {
    assertThat(
            root.get("findings").findValues("priorityReasons").stream()
                .flatMap(r -> java.util.stream.StreamSupport.stream(r.spliterator(), false))
                .map(JsonNode::asText))
        .anySatisfy(r -> assertThat(r).startsWith("on a path from internet to ").contains(" via "));
  }

  private static List<String> keys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      keys.add(it.next());
    }
    return keys;
  }
}
