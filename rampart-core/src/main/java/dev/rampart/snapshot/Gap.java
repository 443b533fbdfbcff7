package dev.rampart.snapshot;

import java.util.Objects;

/**
 * A kind the source could not read, in the whole cluster or in one namespace. Checks that read the
 * kind report <em>not evaluated</em> with this message: a missing permission must never look like a
 * clean result.
 *
 * @param apiVersion the API version that was asked for, e.g. {@code v1} or {@code apps/v1}
 * @param kind e.g. {@code Secret}
 * @param namespace the namespace that could not be read, or null for the whole cluster
 * @param message what was asked and what the server answered, e.g. {@code list secrets (metadata)
 *     at cluster scope: forbidden for system:serviceaccount:rampart:scanner}
 */
public record Gap(String apiVersion, String kind, String namespace, Cause cause, String message) {

  /** Why the kind is missing. */
  public enum Cause {
    /** The API server refused (403): a permission is missing. */
    FORBIDDEN,
    /** The API server does not serve this kind (404): an older version, or a CRD not installed. */
    NOT_SERVED,
    /** Every attempt failed (timeouts, server errors): an input could not be read. */
    FAILED
  }

  public Gap {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(cause, "cause");
    Objects.requireNonNull(message, "message");
  }

  /** Whether the gap is an error (exit code 3) rather than a limit of what the scan may see. */
  public boolean isError() {
    return cause == Cause.FAILED;
  }

  /** {@code Secret not read: list secrets ... forbidden ...}, how coverage reports name it. */
  public String describe() {
    return kind + " not read: " + message;
  }

  /**
   * The gap as a problem of the input, for diagnostics: an error when reading failed, a warning
   * when the scan may not see the kind.
   *
   * @param where the source, e.g. {@code context prod}
   */
  public InputProblem asProblem(String where) {
    return isError()
        ? InputProblem.error(where, 0, 0, describe())
        : InputProblem.warning(where, 0, 0, describe());
  }
}
