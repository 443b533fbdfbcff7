package dev.rampart.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Snapshot;
import dev.rampart.testing.Corpora;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hardening, secret and image checks on realistic, well-run manifests (the benign corpus):
 * every row of its {@code expectations.tsv} whose category these checks judge holds, a {@code pass}
 * row with no finding of those checks on its objects, a {@code fail} row with one on each.
 */
class BenignCorpusTest {

  /** The corpus categories these checks judge; the others are other analyses' rows. */
  private static final Map<String, List<String>> CATEGORIES =
      Map.of(
          "readonly-rootfs", List.of("writable-root-filesystem"),
          "resources",
              List.of(
                  "missing-cpu-request",
                  "missing-memory-request",
                  "missing-cpu-limit",
                  "missing-memory-limit"),
          "image-tag", List.of("latest-image-tag"),
          "capabilities", List.of("dangerous-capabilities"),
          "host-path", List.of("sensitive-host-path", "container-runtime-socket-mount"),
          "probes", List.of("missing-liveness-probe", "missing-readiness-probe"));

  /** {@code Kind/*}, {@code Kind/* (count)}, {@code Kind/* except name} or {@code Kind/name}. */
  private static final Pattern OBJECTS =
      Pattern.compile("(\\w+)/(\\*|[\\w.-]+)(?: \\((\\d+)\\))?(?: except ([\\w.-]+))?");

  private record Row(String file, String objects, String category, boolean fails, String why) {}

  @Test
  void everyLabelledRowOfTheseChecksHolds() throws IOException {
    Path benign = Corpora.resolve("benign/expectations.tsv").getParent();
    List<String> lines = Files.readAllLines(benign.resolve("expectations.tsv"));
    int judged = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] c = line.split("\t");
      Row row = new Row(c[0], c[1], c[2], c[3].equals("fail"), c[4]);
      List<String> checks = CATEGORIES.get(row.category());
      if (checks == null) {
        continue;
      }
      judged++;
      Snapshot snapshot = CorpusScan.read(benign.resolve(row.file()));
      List<Finding> findings =
          CorpusScan.run(snapshot, checks.stream().map(CorpusScan::check).toList());
      for (KubeObject o : select(snapshot, row)) {
        List<String> on =
            findings.stream()
                .filter(
                    f ->
                        f.resource().kind().equals(o.kind())
                            && f.resource().name().equals(o.name()))
                .map(f -> f.checkId() + ": " + f.message())
                .toList();
        String what = row.file() + " " + o.kind() + "/" + o.name() + " " + row.category();
        if (row.fails()) {
          assertThat(on).as(what + " must be reported (" + row.why() + ")").isNotEmpty();
        } else {
          assertThat(on).as(what + " must pass (" + row.why() + ")").isEmpty();
        }
      }
    }
    assertThat(judged).as("rows judged by these checks").isGreaterThanOrEqualTo(7);
  }

  @Test
  void loadGeneratorLacksBothProbesOnItsAppContainerOnly() {
    Path file = Corpora.resolve("benign/microservices-demo/kubernetes-manifests.yaml");
    List<Finding> findings =
        CorpusScan.run(
            CorpusScan.read(file),
            List.of(
                CorpusScan.check("missing-liveness-probe"),
                CorpusScan.check("missing-readiness-probe")));
    assertThat(findings)
        .extracting(f -> f.checkId() + " " + f.resource().name() + "/" + f.resource().container())
        .containsExactlyInAnyOrder(
            "missing-liveness-probe loadgenerator/main",
            "missing-readiness-probe loadgenerator/main");
  }

  @Test
  void noSecretIsReportedInRealisticManifests() {
    Snapshot snapshot =
        CorpusScan.read(
            Corpora.resolve("benign/microservices-demo"),
            Corpora.resolve("benign/kube-prometheus"));
    List<Finding> findings =
        CorpusScan.run(
            snapshot,
            List.of(
                CorpusScan.check("plaintext-secret-in-env"),
                CorpusScan.check("plaintext-secret-in-configmap"),
                CorpusScan.check("plaintext-secret-in-annotation")));
    assertThat(findings).extracting(Finding::message).isEmpty();
  }

  private static List<KubeObject> select(Snapshot snapshot, Row row) {
    Matcher m = OBJECTS.matcher(row.objects());
    assertThat(m.matches()).as("object selector " + row.objects()).isTrue();
    List<KubeObject> selected = new ArrayList<>();
    for (KubeObject o : snapshot.ofKind(m.group(1))) {
      boolean named = m.group(2).equals("*") || m.group(2).equals(o.name());
      if (named && !Set.of(String.valueOf(m.group(4))).contains(o.name())) {
        selected.add(o);
      }
    }
    if (m.group(3) != null) {
      assertThat(selected).as(row.objects()).hasSize(Integer.parseInt(m.group(3)));
    } else {
      assertThat(selected).as(row.objects()).isNotEmpty();
    }
    return selected;
  }
}
