package dev.rampart.snapshot;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.Map;

/**
 * One object of the inventory: the typed fabric8 model (a {@code GenericKubernetesResource} for
 * kinds Rampart does not model, so nothing is dropped) and where it came from.
 */
public record KubeObject(HasMetadata resource, Origin origin) {

  public ObjectRef ref() {
    ObjectMeta meta = resource.getMetadata();
    return new ObjectRef(
        resource.getApiVersion(), resource.getKind(), meta.getNamespace(), meta.getName());
  }

  public String kind() {
    return resource.getKind();
  }

  public String namespace() {
    return resource.getMetadata().getNamespace();
  }

  public String name() {
    return resource.getMetadata().getName();
  }

  public Map<String, String> labels() {
    Map<String, String> labels = resource.getMetadata().getLabels();
    return labels == null ? Map.of() : labels;
  }

  public Map<String, String> annotations() {
    Map<String, String> annotations = resource.getMetadata().getAnnotations();
    return annotations == null ? Map.of() : annotations;
  }

  /**
   * From the identifying fields only. The record's own hash would hash the whole fabric8 model, a
   * deep walk of every field, and the checks put every object they pass or fail in a hash set: that
   * was a tenth of a 10 000-pod scan. Equal objects still hash alike, since equal resources have
   * equal kinds, namespaces and names.
   */
  @Override
  public int hashCode() {
    // The value of Objects.hash(kind, namespace, name, origin), without its array: hash maps of
    // objects keep their order, and the checks hash every object they pass.
    ObjectMeta meta = resource.getMetadata();
    int h = 31 + java.util.Objects.hashCode(resource.getKind());
    h = 31 * h + (meta == null ? 0 : java.util.Objects.hashCode(meta.getNamespace()));
    h = 31 * h + (meta == null ? 0 : java.util.Objects.hashCode(meta.getName()));
    return 31 * h + java.util.Objects.hashCode(origin);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof KubeObject o
        && java.util.Objects.equals(origin, o.origin)
        && java.util.Objects.equals(resource, o.resource);
  }

  @SuppressWarnings("unchecked")
  public <T extends HasMetadata> T as(Class<T> type) {
    return (T) resource;
  }
}
