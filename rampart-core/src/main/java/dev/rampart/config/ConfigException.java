package dev.rampart.config;

/** {@code rampart.yaml} is invalid; the message names the file, the line and what to change. */
public final class ConfigException extends Exception {

  public ConfigException(String message) {
    super(message);
  }
}
