package dev.rampart.source.file;

import java.io.IOException;

/**
 * The input was refused before parsing: it is not text, or one object is larger than the limit. The
 * message is ready for the user.
 */
final class InputRejectedException extends IOException {

  private final int line;

  /**
   * @param line the 1-based line of the stream where the problem is, 0 when the reader cannot tell
   *     (the size limit: the object's first line is meant)
   */
  InputRejectedException(String message, int line) {
    super(message);
    this.line = line;
  }

  int line() {
    return line;
  }

  static InputRejectedException tooLarge(int maxChars) {
    return new InputRejectedException(
        "object larger than " + (maxChars / (1024 * 1024)) + " MiB", 0);
  }
}
