package dev.rampart.source.file;

import java.io.IOException;

/**
 * Thrown by {@link DocumentReader} when one object exceeds {@link ParseLimits#maxObjectChars()}.
 */
final class ObjectTooLargeException extends IOException {

  ObjectTooLargeException(int limit) {
    super("object larger than " + (limit / (1024 * 1024)) + " MiB; skipped");
  }
}
