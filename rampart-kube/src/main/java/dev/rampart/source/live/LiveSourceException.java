package dev.rampart.source.live;

/** The cluster cannot be scanned at all: nothing to connect to, unreachable, or refused. */
public final class LiveSourceException extends RuntimeException {

  /** What went wrong, for the exit code. */
  public enum Reason {
    /** An option names something that does not exist, e.g. a context: the user's mistake. */
    BAD_OPTION,
    /** No kubeconfig and not in a pod, or a kubeconfig that cannot be used. */
    NO_CLUSTER,
    /** The API server did not answer, or answered only errors. */
    UNREACHABLE,
    /** The API server rejected the credentials (401). */
    UNAUTHORIZED
  }

  private final Reason reason;

  public LiveSourceException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public LiveSourceException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
