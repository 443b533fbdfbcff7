package dev.rampart.source.synthetic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small builders for manifest trees. Insertion-ordered maps keep the written output in a fixed
 * field order, which the byte-identical output of one seed depends on.
 */
final class Doc {

  private Doc() {}

  /** A map of alternating keys and values; {@code null} values are left out. */
  static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (keysAndValues[i + 1] != null) {
        m.put((String) keysAndValues[i], keysAndValues[i + 1]);
      }
    }
    return m;
  }

  /** Labels or annotations in the order given ({@code Map.of} iterates in a per-run order). */
  static Map<String, String> labels(String... keysAndValues) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  static List<Object> list(Object... items) {
    List<Object> l = new ArrayList<>();
    for (Object item : items) {
      if (item != null) {
        l.add(item);
      }
    }
    return l;
  }

  /** The metadata of an object; {@code namespace} null for cluster-scoped kinds. */
  static Map<String, Object> meta(
      String name, String namespace, Map<String, String> labels, Map<String, String> annotations) {
    return map(
        "name",
        name,
        "namespace",
        namespace,
        "labels",
        labels == null || labels.isEmpty() ? null : labels,
        "annotations",
        annotations == null || annotations.isEmpty() ? null : annotations);
  }

  static Map<String, Object> object(String apiVersion, String kind, Map<String, Object> metadata) {
    return map("apiVersion", apiVersion, "kind", kind, "metadata", metadata);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> child(Map<String, Object> parent, String key) {
    return (Map<String, Object>) parent.computeIfAbsent(key, k -> new LinkedHashMap<>());
  }

  /** A deep copy, so that each Pod of a controller can be changed without touching the template. */
  @SuppressWarnings("unchecked")
  static Object copy(Object value) {
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> c = new LinkedHashMap<>();
      m.forEach((k, v) -> c.put((String) k, copy(v)));
      return c;
    }
    if (value instanceof List<?> l) {
      List<Object> c = new ArrayList<>(l.size());
      l.forEach(v -> c.add(copy(v)));
      return c;
    }
    return value;
  }
}
