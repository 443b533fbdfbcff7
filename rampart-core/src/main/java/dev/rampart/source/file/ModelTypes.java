package dev.rampart.source.file;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * The model class the file source decodes each kind into, so that every source decodes alike and
 * the checks see the same objects from a live cluster, a snapshot or a file.
 */
public final class ModelTypes {

  private ModelTypes() {}

  /**
   * @return the fabric8 model class of the kind, or {@code GenericKubernetesResource} for kinds
   *     Rampart does not model (custom resources among them)
   */
  public static Class<? extends HasMetadata> of(String apiVersion, String kind) {
    return ObjectDecoder.modelClass(apiVersion, kind);
  }
}
