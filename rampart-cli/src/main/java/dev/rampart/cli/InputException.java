package dev.rampart.cli;

/**
 * The input cannot be read at all: a cluster that cannot be reached, a snapshot that cannot be
 * opened. Exit code 3, like any input that could not be read.
 */
final class InputException extends RuntimeException {

  InputException(String message, Throwable cause) {
    super(message, cause);
  }
}
