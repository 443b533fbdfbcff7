package dev.rampart.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Origin;
import dev.rampart.snapshot.Workload;
import dev.rampart.snapshot.Workloads;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.SysctlBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Patches are written as Jackson's trees printed them, whatever the value. */
class PatchesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final KubeObject DEPLOYMENT =
      new KubeObject(
          new DeploymentBuilder()
              .withNewMetadata()
              .withName("web")
              .withNamespace("shop")
              .endMetadata()
              .withNewSpec()
              .withNewTemplate()
              .withNewSpec()
              .addNewContainer()
              .withName("app \"main\"")
              .withImage("web:1")
              .endContainer()
              .endSpec()
              .endTemplate()
              .endSpec()
              .build(),
          Origin.UNKNOWN);

  /** The tree the patch used to be built as, printed by Jackson. */
  private static String reference(String specPath, String relative, Object value) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode at = root;
    for (String part : (specPath + "." + relative).split("\\.")) {
      at = at.putObject(part);
    }
    String[] parts = relative.split("\\.");
    ObjectNode parent = root;
    for (String part : specPath.split("\\.")) {
      parent = (ObjectNode) parent.get(part);
    }
    for (int i = 0; i < parts.length - 1; i++) {
      parent = (ObjectNode) parent.get(parts[i]);
    }
    parent.set(parts[parts.length - 1], JSON.valueToTree(value));
    return root.toString();
  }

  @Test
  void everyKindOfValueIsWrittenAsJacksonWroteIt() {
    Workload w = Workloads.of(DEPLOYMENT).orElseThrow();
    Map<String, Object> unset = new LinkedHashMap<>();
    unset.put("containerPort", 8080);
    unset.put("hostPort", null);
    Map<String, Object> remove = new HashMap<>();
    remove.put("container.apparmor.security.beta.kubernetes.io/app", null);
    List<Object> values =
        Arrays.asList(
            true,
            false,
            2,
            5_000_000_000L,
            "RuntimeDefault",
            "quote \" backslash \\ newline \n tab \t unicode é \u0001",
            null,
            List.of("ALL"),
            List.of(unset),
            remove,
            List.of(Map.of("name", "net.ipv4.ping_group_range", "value", "0 1")),
            List.of(new SysctlBuilder().withName("kernel.shm_rmid_forced").withValue("1").build()),
            1.5);
    for (Object value : values) {
      assertThat(Patches.pod(w, "securityContext.x", value).content())
          .as("%s", value)
          .isEqualTo(reference(w.specPath(), "securityContext.x", value));
    }
  }

  @Test
  void aContainerPatchNamesItsContainer() {
    Workload w = Workloads.of(DEPLOYMENT).orElseThrow();
    Patch p = Patches.container(w, w.containers().get(0), "securityContext.privileged", false);
    assertThat(p.content())
        .isEqualTo(
            "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"app \\\"main\\\"\","
                + "\"securityContext\":{\"privileged\":false}}]}}}}");
    assertThat(p.command())
        .startsWith("kubectl patch deployment web -n shop --type=strategic -p '");
  }

  @Test
  void anObjectPatchSetsItsPath() {
    KubeObject cm =
        new KubeObject(
            new ConfigMapBuilder().withNewMetadata().withName("settings").endMetadata().build(),
            Origin.UNKNOWN);
    Patch p = Patches.object(cm, "metadata.labels", Map.of("a", "b"));
    assertThat(p.content()).isEqualTo("{\"metadata\":{\"labels\":{\"a\":\"b\"}}}");
    assertThat(p.command())
        .isEqualTo(
            "kubectl patch configmap settings --type=strategic -p"
                + " '{\"metadata\":{\"labels\":{\"a\":\"b\"}}}'");
  }
}
