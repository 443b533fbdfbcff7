package dev.rampart.cli;

/** A problem with what the user asked for (a bad option value, an invalid rampart.yaml). */
final class UsageException extends RuntimeException {

  UsageException(String message) {
    super(message);
  }
}
