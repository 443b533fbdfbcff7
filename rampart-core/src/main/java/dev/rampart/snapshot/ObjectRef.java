package dev.rampart.snapshot;

import java.util.Objects;

/**
 * The identity of a Kubernetes object: apiVersion, kind, namespace (null when cluster-scoped),
 * name.
 */
public record ObjectRef(String apiVersion, String kind, String namespace, String name) {

  public ObjectRef {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
  }

  /** {@code Kind/namespace/name}, or {@code Kind/name} for cluster-scoped objects. */
  public String display() {
    return namespace == null ? kind + "/" + name : kind + "/" + namespace + "/" + name;
  }

  @Override
  public String toString() {
    return display();
  }
}
