package dev.rampart.checks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rampart.snapshot.ContainerType;
import dev.rampart.snapshot.ContainerView;
import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Workload;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds strategic-merge patches. Strategic merge matches containers by name, so a patch touches
 * only the container it names and creates missing parents ({@code securityContext}) on the way.
 *
 * <p>Most findings carry a patch. Their few levels of objects are written with Jackson's streaming
 * generator, as compact as Jackson's own trees would print them; only a value that is not a
 * boolean, an int, a long, a string, a map or a list of those goes through Jackson's serializers,
 * whose construction a scan otherwise never pays for.
 */
public final class Patches {

  private static final JsonFactory COMPACT = new JsonFactory();

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
    StringWriter out = new StringWriter(128);
    try (JsonGenerator g = COMPACT.createGenerator(out)) {
      write(g, root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a patch as JSON", e);
    }
    return out.toString();
  }

  private static void write(JsonGenerator g, Object value) throws IOException {
    if (value == null) {
      g.writeNull();
    } else if (value instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (value instanceof Integer i) {
      g.writeNumber(i);
    } else if (value instanceof Long l) {
      g.writeNumber(l);
    } else if (value instanceof String s) {
      g.writeString(s);
    } else if (value instanceof Map<?, ?> map) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        g.writeFieldName((String) e.getKey());
        write(g, e.getValue());
      }
      g.writeEndObject();
    } else if (value instanceof Collection<?> list) {
      g.writeStartArray();
      for (Object element : list) {
        write(g, element);
      }
      g.writeEndArray();
    } else {
      g.writeRawValue(((JsonNode) value).toString());
    }
  }

  /** An object of the patch, in the order its fields were set; only these are walked into. */
  private static final class Tree extends LinkedHashMap<String, Object> {}

  /** Built on first use: only an unusual value needs Jackson's serializers. */
  private static final class Serializers {
    static final ObjectMapper JSON = new ObjectMapper();
  }
}
