package dev.rampart.snapshot;

/**
 * Facts about the cluster itself that no object carries: what the API server says of itself.
 * Manifests and the demo have none; the live source fills them from the API.
 *
 * @param serverVersion the {@code gitVersion} of {@code /version}, e.g. {@code v1.29.4} or {@code
 *     v1.29.3-eks-adc7111}; null when unknown
 */
public record ClusterInfo(String serverVersion) {

  /** Nothing known: the input was files. */
  public static final ClusterInfo UNKNOWN = new ClusterInfo(null);

  public ClusterInfo {
    serverVersion = serverVersion == null || serverVersion.isBlank() ? null : serverVersion.strip();
  }

  public boolean hasServerVersion() {
    return serverVersion != null;
  }
}
