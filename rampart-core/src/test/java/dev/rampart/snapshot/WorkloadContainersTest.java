package dev.rampart.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A workload's container views are built once and shared, from any thread. */
class WorkloadContainersTest {

  private static Workload workload() {
    return Workloads.of(
            new KubeObject(
                new DeploymentBuilder()
                    .withNewMetadata()
                    .withName("web")
                    .withNamespace("shop")
                    .endMetadata()
                    .withNewSpec()
                    .withNewTemplate()
                    .withNewSpec()
                    .addNewInitContainer()
                    .withName("init")
                    .endInitContainer()
                    .addNewContainer()
                    .withName("app")
                    .endContainer()
                    .addNewEphemeralContainer()
                    .withName("debug")
                    .endEphemeralContainer()
                    .endSpec()
                    .endTemplate()
                    .endSpec()
                    .build(),
                Origin.UNKNOWN))
        .orElseThrow();
  }

  @Test
  void theViewsAreInOrderWithTheirPathsAndUnmodifiable() {
    List<ContainerView> views = workload().containers();
    assertThat(views)
        .extracting(ContainerView::path)
        .containsExactly(
            "spec.template.spec.containers[0]",
            "spec.template.spec.initContainers[0]",
            "spec.template.spec.ephemeralContainers[0]");
    assertThat(views).isUnmodifiable();
  }

  @Test
  void everyThreadSeesTheSameViews() {
    Workload w = workload();
    List<List<ContainerView>> seen =
        IntStream.range(0, 64).parallel().mapToObj(i -> w.containers()).toList();
    assertThat(seen).allSatisfy(views -> assertThat(views).isEqualTo(seen.get(0)));
    // Once built, kept: the same list every time.
    assertThat(w.containers()).isSameAs(w.containers());
  }

  @Test
  void workloadsAreEqualAsTheRecordsWereRegardlessOfTheirViews() {
    Workload a = workload();
    Workload b = workload();
    a.containers();
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
  }
}
