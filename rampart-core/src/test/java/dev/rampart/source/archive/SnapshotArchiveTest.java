package dev.rampart.source.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rampart.checks.BuiltInChecks;
import dev.rampart.config.RampartConfig;
import dev.rampart.scan.ScanOptions;
import dev.rampart.scan.ScanResult;
import dev.rampart.scan.Scanner;
import dev.rampart.snapshot.ClusterInfo;
import dev.rampart.snapshot.Gap;
import dev.rampart.snapshot.InputProblem;
import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Snapshot;
import dev.rampart.source.demo.DemoCluster;
import io.fabric8.kubernetes.api.model.Secret;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotArchiveTest {

  private static final Instant TAKEN = Instant.parse("2026-11-28T12:00:00Z");
  private static final Gap GAP =
      new Gap("v1", "Secret", null, Gap.Cause.FORBIDDEN, "list secrets (metadata): forbidden");

  @TempDir Path dir;

  @Test
  void aSavedSnapshotScansLikeTheOriginal() throws IOException {
    Snapshot original = demoWithGap();
    Path file = dir.resolve("shop.json.gz");

    SnapshotArchive.write(original, file, TAKEN, "0.1.0");
    Snapshot read = SnapshotArchive.read(file);

    assertThat(read.countByKind()).isEqualTo(original.countByKind());
    assertThat(read.clusterInfo().serverVersion()).isEqualTo("v1.30.2");
    assertThat(read.gaps()).containsExactly(GAP);
    assertThat(read.problems()).isEqualTo(original.problems());
    assertThat(read.source())
        .isEqualTo("snapshot " + file + " of demo, taken 2026-11-28T12:00:00Z");
    assertThat(read.objects()).allSatisfy(o -> assertThat(o.origin().hasFile()).isFalse());
    assertThat(keys(scan(read))).isEqualTo(keys(scan(original)));
    assertThat(scan(read).coverage().notEvaluated())
        .isEqualTo(scan(original).coverage().notEvaluated());
  }

  @Test
  void neverWritesASecretsData() throws IOException {
    Snapshot original = DemoCluster.load();
    Path file = dir.resolve("shop.json.gz");
    SnapshotArchive.write(original, file, TAKEN, "0.1.0");

    String text = unzip(file);
    // A CA certificate may be in a Secret and in a ConfigMap too: only the Secrets' own values.
    String elsewhere =
        new ObjectMapper()
            .writeValueAsString(
                original.objects().stream()
                    .filter(o -> !o.kind().equals("Secret"))
                    .map(KubeObject::resource)
                    .toList());
    List<String> values =
        original.ofKind("Secret").stream()
            .map(o -> o.as(Secret.class).getData())
            .filter(data -> data != null)
            .flatMap(data -> data.values().stream())
            .filter(v -> v.length() > 12 && !elsewhere.contains(v))
            .toList();
    assertThat(values).hasSizeGreaterThan(5);
    assertThat(values).noneMatch(text::contains);
    assertThat(SnapshotArchive.read(file).ofKind("Secret"))
        .allSatisfy(o -> assertThat(o.as(Secret.class).getData()).isNull());
  }

  @Test
  void theHeaderSaysWhatIsInside() throws IOException {
    Path file = dir.resolve("shop.json.gz");
    SnapshotArchive.write(demoWithGap(), file, TAKEN, "0.1.0");

    SnapshotArchive.Header header = SnapshotArchive.header(file);

    assertThat(header.format()).isEqualTo("rampart.dev/snapshot/v1");
    assertThat(header.tool()).isEqualTo("0.1.0");
    assertThat(header.takenAt()).isEqualTo(TAKEN);
    assertThat(header.objects()).isEqualTo(DemoCluster.load().objects().size());
    assertThat(header.byKind()).containsEntry("Namespace", 13);
    assertThat(unzip(file).lines().findFirst().orElseThrow())
        .startsWith("{\"format\":\"rampart.dev/snapshot/v1\"");
  }

  @Test
  void aTruncatedSnapshotKeepsWhatCameBeforeAndSaysSo() throws IOException {
    Path file = dir.resolve("shop.json.gz");
    SnapshotArchive.write(demoWithGap(), file, TAKEN, "0.1.0");
    byte[] whole = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(whole, whole.length / 2));

    Snapshot read = SnapshotArchive.read(file);

    assertThat(read.objects()).isNotEmpty();
    assertThat(read.problems())
        .filteredOn(InputProblem::isError)
        .extracting(InputProblem::message)
        .anyMatch(m -> m.startsWith("truncated: "));
  }

  @Test
  void aFileThatIsNoSnapshotIsRefused() throws IOException {
    Path yaml = Files.writeString(dir.resolve("pod.yaml"), "apiVersion: v1\nkind: Pod\n");
    assertThatThrownBy(() -> SnapshotArchive.read(yaml))
        .isInstanceOf(SnapshotArchive.NotASnapshotException.class)
        .hasMessage(
            yaml
                + ": not a Rampart snapshot (not gzip-compressed); save one with rampart snapshot"
                + " save");

    Path other = dir.resolve("other.json.gz");
    gzip(other, "{\"kind\":\"List\"}\n");
    assertThatThrownBy(() -> SnapshotArchive.read(other))
        .hasMessage(other + ": not a Rampart snapshot (no snapshot header)");

    Path newer = dir.resolve("newer.json.gz");
    gzip(newer, "{\"format\":\"rampart.dev/snapshot/v9\"}\n");
    assertThatThrownBy(() -> SnapshotArchive.read(newer))
        .hasMessage(
            newer
                + ": snapshot format rampart.dev/snapshot/v9 is not the one this Rampart reads"
                + " (rampart.dev/snapshot/v1)");
  }

  private static Snapshot demoWithGap() {
    Snapshot demo = DemoCluster.load();
    return new Snapshot(
        demo.source(),
        demo.objects(),
        List.of(GAP.asProblem("context shop")),
        new ClusterInfo("v1.30.2"),
        List.of(GAP));
  }

  private static ScanResult scan(Snapshot snapshot) {
    return new Scanner(BuiltInChecks.all(), RampartConfig.EMPTY, "rampart.yaml")
        .scan(snapshot, new ScanOptions(List.of(), null, TAKEN));
  }

  private static List<String> keys(ScanResult result) {
    return result.findings().stream()
        .map(f -> f.id() + " " + f.checkId() + " " + f.resource() + " " + f.evidence().path())
        .toList();
  }

  private static String unzip(Path file) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static void gzip(Path file, String text) throws IOException {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }
}
