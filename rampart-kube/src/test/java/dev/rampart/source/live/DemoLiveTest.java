package dev.rampart.source.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rampart.checks.BuiltInChecks;
import dev.rampart.checks.Finding;
import dev.rampart.config.ConfigLoader;
import dev.rampart.config.RampartConfig;
import dev.rampart.graph.AttackPath;
import dev.rampart.scan.ScanOptions;
import dev.rampart.scan.ScanResult;
import dev.rampart.scan.Scanner;
import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Snapshot;
import dev.rampart.source.archive.SnapshotArchive;
import dev.rampart.source.demo.DemoCluster;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo cluster served by the mock API server and scanned live. */
class DemoLiveTest {

  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  private static final Pattern SECRET_LIST =
      Pattern.compile("/api/v1(/namespaces/[^/?]+)?/secrets\\?.*");

  @TempDir static Path dir;
  private static Snapshot demo;
  private static MockCluster cluster;
  private static Snapshot live;
  private static List<MockCluster.Exchange> exchanges;

  @BeforeAll
  static void scanLive() {
    demo = DemoCluster.load();
    cluster = new MockCluster().serve(demo);
    live = LiveSource.read(cluster.options(dir, new ArrayList<>()), Progress.NONE);
    exchanges = cluster.exchanges();
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @Test
  void givesTheFindingsOfTheDemo() throws Exception {
    ScanResult offline = scan(demo);
    ScanResult online = scan(live);

    assertThat(online.findings()).isNotEmpty();
    assertThat(keys(online)).containsExactlyElementsOf(keys(offline));
    assertThat(online.findings())
        .extracting(Finding::id)
        .containsExactlyElementsOf(offline.findings().stream().map(Finding::id).toList());
    assertThat(online.findings())
        .extracting(f -> f.priority() + " " + f.priorityReasons())
        .containsExactlyElementsOf(
            offline.findings().stream()
                .map(f -> f.priority() + " " + f.priorityReasons())
                .toList());
    assertThat(online.attackPaths())
        .extracting(AttackPath::describe)
        .containsExactlyElementsOf(
            offline.attackPaths().stream().map(AttackPath::describe).toList());
    assertThat(online.coverage().notEvaluated()).isEqualTo(offline.coverage().notEvaluated());
    assertThat(online.summary()).isEqualTo(offline.summary());
  }

  @Test
  void aSavedSnapshotGivesTheFindingsOfTheLiveScan() throws Exception {
    Path file = dir.resolve("demo.json.gz");
    SnapshotArchive.write(live, file, NOW, "test");
    Snapshot saved = SnapshotArchive.read(file);

    ScanResult online = scan(live);
    ScanResult offline = scan(saved);
    assertThat(keys(offline)).containsExactlyElementsOf(keys(online));
    assertThat(offline.findings())
        .extracting(Finding::id)
        .containsExactlyElementsOf(online.findings().stream().map(Finding::id).toList());
    assertThat(offline.coverage().notEvaluated()).isEqualTo(online.coverage().notEvaluated());
  }

  @Test
  void readsEveryObjectOfTheDemo() {
    Map<String, Integer> expected = demo.countByKind();
    assertThat(live.countByKind()).isEqualTo(expected);
    assertThat(live.gaps()).isEmpty();
  }

  @Test
  void noRequestFetchesASecretsData() throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<String> values = new ArrayList<>();
    for (KubeObject o : demo.ofKind("Secret")) {
      Secret secret = o.as(Secret.class);
      if (secret.getData() != null) {
        values.addAll(secret.getData().values());
      }
      if (secret.getStringData() != null) {
        values.addAll(secret.getStringData().values());
      }
    }
    // A CA certificate may be both in a Secret and in a ConfigMap: only Secrets' own values count.
    String elsewhere =
        json.writeValueAsString(
            demo.objects().stream()
                .filter(o -> !o.kind().equals("Secret"))
                .map(KubeObject::resource)
                .toList());
    values.removeIf(v -> v.length() < 8 || elsewhere.contains(v));
    assertThat(values).as("the demo's Secrets hold data").hasSizeGreaterThan(5);

    assertThat(exchanges).isNotEmpty().allSatisfy(e -> assertThat(e.method()).isEqualTo("GET"));
    List<MockCluster.Exchange> secretRequests =
        exchanges.stream().filter(e -> e.path().contains("secrets")).toList();
    assertThat(secretRequests).hasSize(2);
    for (MockCluster.Exchange e : secretRequests) {
      assertThat(e.path()).matches(SECRET_LIST).doesNotContain("watch");
      assertThat(e.accept()).isEqualTo(ApiClient.METADATA_LIST);
      JsonNode list = json.readTree(e.body());
      assertThat(list.path("kind").asText()).isEqualTo("PartialObjectMetadataList");
      for (JsonNode item : list.path("items")) {
        assertThat(item.fieldNames()).toIterable().containsOnly("apiVersion", "kind", "metadata");
      }
    }
    // Every other answer is free of Secret values. The Secret lists' own items are metadata, whose
    // last-applied-configuration annotation may repeat the data: it is redacted on receipt.
    for (MockCluster.Exchange e : exchanges) {
      if (!secretRequests.contains(e)) {
        String body = e.body() == null ? "" : e.body();
        assertThat(values).as(e.path()).noneMatch(body::contains);
      }
    }
    String kept =
        json.writeValueAsString(live.ofKind("Secret").stream().map(KubeObject::resource).toList());
    assertThat(values).as("the snapshot's Secrets").noneMatch(kept::contains);
    for (KubeObject o : live.ofKind("Secret")) {
      assertThat(o.as(Secret.class).getData()).isNull();
      assertThat(o.as(Secret.class).getStringData()).isNull();
    }
  }

  private static ScanResult scan(Snapshot snapshot) throws Exception {
    Set<String> ids =
        BuiltInChecks.all().stream().map(c -> c.descriptor().id()).collect(Collectors.toSet());
    RampartConfig config = new ConfigLoader().load("demo/rampart.yaml", DemoCluster.config(), ids);
    return new Scanner(BuiltInChecks.all(), config, "demo/rampart.yaml")
        .scan(snapshot, new ScanOptions(List.of(), null, NOW));
  }

  private static List<String> keys(ScanResult result) {
    return result.findings().stream()
        .map(
            f ->
                f.checkId()
                    + " "
                    + f.resource().kind()
                    + "/"
                    + f.resource().namespace()
                    + "/"
                    + f.resource().name()
                    + " "
                    + f.resource().container()
                    + " "
                    + f.evidence().path())
        .toList();
  }
}
