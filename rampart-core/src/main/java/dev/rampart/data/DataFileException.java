package dev.rampart.data;

/**
 * A version data file that cannot be used: unreadable, malformed, or not newer than the one in use.
 */
public final class DataFileException extends Exception {

  public DataFileException(String message) {
    super(message);
  }

  public DataFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
