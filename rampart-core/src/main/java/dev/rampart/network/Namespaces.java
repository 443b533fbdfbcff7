package dev.rampart.network;

import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Snapshot;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The labels of every namespace, as a {@code namespaceSelector} sees them. The API server gives
 * every namespace the immutable label {@code kubernetes.io/metadata.name=<name>}, so it is assumed
 * even for namespaces whose Namespace object is not in the snapshot.
 */
public final class Namespaces {

  public static final String NAME_LABEL = "kubernetes.io/metadata.name";
  private static final String DEFAULT = "default";

  /**
   * Concurrent: namespaces without an object are added on first use, and the endpoints of pods are
   * made while the checks run on every core and the graph on its own thread.
   */
  private final Map<String, Map<String, String>> labels = new ConcurrentHashMap<>();

  private Namespaces() {}

  public static Namespaces of(Snapshot snapshot) {
    Namespaces n = new Namespaces();
    for (KubeObject o : snapshot.ofKind("Namespace")) {
      Map<String, String> l = new HashMap<>(o.labels());
      l.put(NAME_LABEL, o.name());
      n.labels.put(o.name(), Map.copyOf(l));
    }
    return n;
  }

  /** A manifest without a namespace lands in {@code default}. */
  public static String nameOf(String namespace) {
    return namespace == null || namespace.isEmpty() ? DEFAULT : namespace;
  }

  public Map<String, String> labels(String namespace) {
    return labels.computeIfAbsent(namespace, k -> Map.of(NAME_LABEL, k));
  }
}
