package dev.rampart.checks.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.snapshot.Snapshot;
import dev.rampart.source.file.ManifestReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The control-plane pods of a snapshot, found once and shared by every check. */
class ControlPlanePodsTest {

  private static Snapshot snapshot() {
    String yaml =
        String.join(
            "---\n",
            ControlPlaneFixtures.apiServer("kube-apiserver-cp1", null),
            ControlPlaneFixtures.etcd("etcd-cp1", null),
            ControlPlaneFixtures.apiServer("kube-apiserver-cp2", null));
    ManifestReader.Result read =
        new ManifestReader()
            .read("fixture.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    return new Snapshot("test", read.objects(), List.of());
  }

  @Test
  void eachComponentHasItsPodsInSnapshotOrder() {
    Snapshot snapshot = snapshot();
    assertThat(ControlPlanePods.of(snapshot, Component.KUBE_APISERVER))
        .extracting(p -> p.object().name())
        .containsExactly("kube-apiserver-cp1", "kube-apiserver-cp2");
    assertThat(ControlPlanePods.of(snapshot, Component.ETCD))
        .extracting(p -> p.object().name())
        .containsExactly("etcd-cp1");
    assertThat(ControlPlanePods.of(snapshot, Component.KUBE_SCHEDULER)).isEmpty();
  }

  @Test
  void theChecksShareOneUnmodifiableListPerComponentFromAnyThread() {
    Snapshot snapshot = snapshot();
    List<ControlPlanePod> first = ControlPlanePods.of(snapshot, Component.KUBE_APISERVER);
    assertThat(ControlPlanePods.of(snapshot, Component.KUBE_APISERVER)).isSameAs(first);
    Snapshot fresh = snapshot();
    List<List<ControlPlanePod>> seen =
        IntStream.range(0, 64)
            .parallel()
            .mapToObj(i -> ControlPlanePods.of(fresh, Component.KUBE_APISERVER))
            .toList();
    assertThat(seen).allSatisfy(pods -> assertThat(pods).isSameAs(seen.get(0)));
    assertThat(seen.get(0)).hasSize(2).isUnmodifiable();
  }

  @Test
  void theDistributionIsDetectedOncePerSnapshot() {
    Snapshot snapshot = snapshot();
    assertThat(Distribution.detect(snapshot)).isSameAs(Distribution.detect(snapshot));
  }
}
