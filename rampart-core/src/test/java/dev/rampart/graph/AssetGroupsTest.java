package dev.rampart.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.config.RampartConfig.AssetGroup;
import dev.rampart.config.RampartConfig.Match;
import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Origin;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AssetGroupsTest {

  private final AssetGroups groups =
      new AssetGroups(
          List.of(
              new AssetGroup(
                  "pci",
                  "critical",
                  "payments",
                  new Match(List.of("payments"), Map.of(), List.of()))));

  @Test
  void aNamespaceBelongsToTheGroupsOfItsOwnName() {
    KubeObject ns =
        new KubeObject(
            new NamespaceBuilder().withNewMetadata().withName("payments").endMetadata().build(),
            Origin.UNKNOWN);
    assertThat(groups.of(ns)).extracting(AssetGroup::name).containsExactly("pci");
  }

  @Test
  void otherClusterScopedObjectsBelongToNoNamespacedGroup() {
    KubeObject role =
        new KubeObject(
            new ClusterRoleBuilder().withNewMetadata().withName("payments").endMetadata().build(),
            Origin.UNKNOWN);
    assertThat(groups.of(role)).isEmpty();
    KubeObject pod =
        new KubeObject(
            new PodBuilder()
                .withNewMetadata()
                .withName("db")
                .withNamespace("payments")
                .endMetadata()
                .build(),
            Origin.UNKNOWN);
    assertThat(groups.of(pod)).hasSize(1);
  }
}
