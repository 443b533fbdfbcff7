package dev.rampart.source.live;

/**
 * A request that did not succeed, after any retries: the HTTP status and the server's own message
 * (from its {@code Status} object), or no status at all when the server could not be reached.
 */
final class ApiException extends Exception {

  /** The status of a request that got no HTTP answer (connection refused, timeout, TLS). */
  static final int NO_RESPONSE = 0;

  /** The status of an answer that is not what was asked for (not a list, not JSON). */
  static final int MALFORMED = -1;

  private final int code;
  private final String serverMessage;
  private final int attempts;

  ApiException(int code, String serverMessage, int attempts, Throwable cause) {
    super(describe(code, serverMessage), cause);
    this.code = code;
    this.serverMessage = serverMessage;
    this.attempts = attempts;
  }

  int code() {
    return code;
  }

  /** What the server said, or the transport's error; may be null. */
  String serverMessage() {
    return serverMessage;
  }

  int attempts() {
    return attempts;
  }

  boolean isForbidden() {
    return code == 403;
  }

  boolean isNotFound() {
    return code == 404;
  }

  boolean isGone() {
    return code == 410;
  }

  boolean isUnauthorized() {
    return code == 401;
  }

  private static String describe(int code, String message) {
    String text = message == null || message.isBlank() ? "" : message;
    if (code == NO_RESPONSE) {
      return text.isEmpty() ? "no answer" : text;
    }
    if (code == MALFORMED) {
      return text;
    }
    return "HTTP " + code + (text.isEmpty() ? "" : ": " + text);
  }
}
