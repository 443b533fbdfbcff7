package dev.rampart.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.rampart.snapshot.ContainerType;
import dev.rampart.snapshot.ContainerView;
import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Workload;
import java.util.Locale;

/**
 * Builds strategic-merge patches. Strategic merge matches containers by name, so a patch touches
 * only the container it names and creates missing parents ({@code securityContext}) on the way.
 */
public final class Patches {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Patches() {}

  /** Sets {@code relative} (e.g. {@code securityContext.privileged}) in one container. */
  public static Patch container(Workload w, ContainerView c, String relative, Object value) {
    if (c.type() == ContainerType.EPHEMERAL_CONTAINER) {
      // Ephemeral containers cannot be changed once added; the fix is a new debug session.
      return null;
    }
    ObjectNode container = JSON.createObjectNode().put("name", c.name());
    set(container, relative, value);
    ObjectNode spec = JSON.createObjectNode();
    spec.putArray(c.type().field()).add(container);
    return workload(w, spec);
  }

  /** Sets {@code relative} (e.g. {@code hostNetwork}) in the pod spec. */
  public static Patch pod(Workload w, String relative, Object value) {
    ObjectNode spec = JSON.createObjectNode();
    set(spec, relative, value);
    return workload(w, spec);
  }

  /** Sets {@code relative} (e.g. {@code metadata.annotations}) in any object. */
  public static Patch object(KubeObject object, String relative, Object value) {
    ObjectNode root = JSON.createObjectNode();
    set(root, relative, value);
    return of(object, root);
  }

  private static Patch workload(Workload w, ObjectNode podSpec) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode at = root;
    String[] parts = w.specPath().split("\\.");
    for (int i = 0; i < parts.length - 1; i++) {
      at = at.putObject(parts[i]);
    }
    at.set(parts[parts.length - 1], podSpec);
    return of(w.object(), root);
  }

  private static Patch of(KubeObject object, ObjectNode root) {
    String content = root.toString();
    StringBuilder command =
        new StringBuilder("kubectl patch ")
            .append(object.kind().toLowerCase(Locale.ROOT))
            .append(' ')
            .append(object.name());
    if (object.namespace() != null) {
      command.append(" -n ").append(object.namespace());
    }
    command.append(" --type=strategic -p '").append(content).append('\'');
    return new Patch("strategic-merge", content, command.toString());
  }

  private static void set(ObjectNode root, String relative, Object value) {
    String[] parts = relative.split("\\.");
    ObjectNode at = root;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode next = at.get(parts[i]);
      at = next instanceof ObjectNode o ? o : at.putObject(parts[i]);
    }
    at.set(parts[parts.length - 1], node(value));
  }

  /**
   * The common values built directly: most findings carry a patch, and converting a boolean through
   * Jackson's serializers costs more than the rest of the finding.
   */
  private static JsonNode node(Object value) {
    if (value instanceof Boolean b) {
      return BooleanNode.valueOf(b);
    }
    if (value instanceof Integer i) {
      return IntNode.valueOf(i);
    }
    if (value instanceof String s) {
      return TextNode.valueOf(s);
    }
    return JSON.valueToTree(value);
  }
}
