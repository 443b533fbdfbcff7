package dev.rampart.snapshot;

/** The three lists a pod spec keeps containers in, with their field names. */
public enum ContainerType {
  CONTAINER("containers"),
  INIT_CONTAINER("initContainers"),
  EPHEMERAL_CONTAINER("ephemeralContainers");

  private final String field;

  ContainerType(String field) {
    this.field = field;
  }

  public String field() {
    return field;
  }
}
