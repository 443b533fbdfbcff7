package dev.rampart.checks;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rampart.snapshot.ContainerType;
import dev.rampart.snapshot.ContainerView;
import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Workload;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds strategic-merge patches. Strategic merge matches containers by name, so a patch touches
 * only the container it names and creates missing parents ({@code securityContext}) on the way.
 *
 * <p>Most findings carry a patch. Their few levels of objects are written out here, as compact as
 * Jackson's own trees print them and with Jackson's escapes; only a value that is not a boolean, an
 * int, a long, a string, a map or a list of those goes through Jackson's serializers, whose
 * construction a scan otherwise never pays for.
 */
public final class Patches {

  private Patches() {}

  /** Sets {@code relative} (e.g. {@code securityContext.privileged}) in one container. */
  public static Patch container(Workload w, ContainerView c, String relative, Object value) {
    if (c.type() == ContainerType.EPHEMERAL_CONTAINER) {
      // Ephemeral containers cannot be changed once added; the fix is a new debug session.
      return null;
    }
    Tree container = new Tree();
    container.put("name", c.name());
    set(container, relative, value);
    Tree spec = new Tree();
    spec.put(c.type().field(), List.of(container));
    return workload(w, spec);
  }

  /** Sets {@code relative} (e.g. {@code hostNetwork}) in the pod spec. */
  public static Patch pod(Workload w, String relative, Object value) {
    Tree spec = new Tree();
    set(spec, relative, value);
    return workload(w, spec);
  }

  /** Sets {@code relative} (e.g. {@code metadata.annotations}) in any object. */
  public static Patch object(KubeObject object, String relative, Object value) {
    Tree root = new Tree();
    set(root, relative, value);
    return of(object, root);
  }

  private static Patch workload(Workload w, Tree podSpec) {
    Tree root = new Tree();
    Tree at = root;
    String[] parts = w.specPath().split("\\.");
    for (int i = 0; i < parts.length - 1; i++) {
      Tree child = new Tree();
      at.put(parts[i], child);
      at = child;
    }
    at.put(parts[parts.length - 1], podSpec);
    return of(w.object(), root);
  }

  private static Patch of(KubeObject object, Tree root) {
    String content = json(root);
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

  private static void set(Tree root, String relative, Object value) {
    String[] parts = relative.split("\\.");
    Tree at = root;
    for (int i = 0; i < parts.length - 1; i++) {
      Object next = at.get(parts[i]);
      if (next instanceof Tree t) {
        at = t;
      } else {
        Tree child = new Tree();
        at.put(parts[i], child);
        at = child;
      }
    }
    at.put(parts[parts.length - 1], plain(value) ? value : Serializers.JSON.valueToTree(value));
  }

  /** Whether the generator can write {@code value} as Jackson's serializers would. */
  private static boolean plain(Object value) {
    if (value == null
        || value instanceof Boolean
        || value instanceof Integer
        || value instanceof Long
        || value instanceof String) {
      return true;
    }
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!(e.getKey() instanceof String) || !plain(e.getValue())) {
          return false;
        }
      }
      return true;
    }
    if (value instanceof List<?> list) {
      for (Object element : list) {
        if (!plain(element)) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  private static String json(Tree root) {
    StringBuilder out = new StringBuilder(128);
    write(out, root);
    return out.toString();
  }

  private static void write(StringBuilder out, Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
      out.append(value);
    } else if (value instanceof String s) {
      quoted(out, s);
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      String comma = "";
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.append(comma);
        quoted(out, (String) e.getKey());
        out.append(':');
        write(out, e.getValue());
        comma = ",";
      }
      out.append('}');
    } else if (value instanceof Collection<?> list) {
      out.append('[');
      String comma = "";
      for (Object element : list) {
        out.append(comma);
        write(out, element);
        comma = ",";
      }
      out.append(']');
    } else {
      out.append(((JsonNode) value).toString());
    }
  }

  /** Escaped as Jackson's generators escape: the same table of escapes. */
  private static void quoted(StringBuilder out, String s) {
    out.append('"');
    JsonStringEncoder.getInstance().quoteAsString(s, out);
    out.append('"');
  }

  /** An object of the patch, in the order its fields were set; only these are walked into. */
  private static final class Tree extends LinkedHashMap<String, Object> {}

  /** Built on first use: only an unusual value needs Jackson's serializers. */
  private static final class Serializers {
    static final ObjectMapper JSON = new ObjectMapper();
  }
}
