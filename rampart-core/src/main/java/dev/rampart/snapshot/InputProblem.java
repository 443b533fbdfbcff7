package dev.rampart.snapshot;

/**
 * Something wrong with the input that did not stop the scan: an unreadable file, a malformed
 * document, an object that cannot be decoded. Errors make the scan exit with code 3; warnings (an
 * empty file, a document that is not a Kubernetes object) are reported only.
 *
 * @param document the 1-based document index in the file, 0 when not known
 */
public record InputProblem(Level level, String file, int line, int document, String message) {

  public enum Level {
    ERROR,
    WARNING
  }

  public static InputProblem error(String file, int line, int document, String message) {
    return new InputProblem(Level.ERROR, file, line, document, message);
  }

  public static InputProblem warning(String file, int line, int document, String message) {
    return new InputProblem(Level.WARNING, file, line, document, message);
  }

  public boolean isError() {
    return level == Level.ERROR;
  }

  /** {@code file:line: message}, the form editors and CI logs link to. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    sb.append(file == null ? "<input>" : file);
    if (line > 0) {
      sb.append(':').append(line);
    }
    if (document > 0) {
      sb.append(" (document ").append(document).append(')');
    }
    return sb.append(": ").append(message).toString();
  }
}
