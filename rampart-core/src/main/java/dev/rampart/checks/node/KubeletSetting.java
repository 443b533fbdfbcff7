package dev.rampart.checks.node;

import java.util.Locale;

/**
 * The effective value of one field of a kubelet's configuration: as the configuration states it, or
 * the KubeletConfiguration (v1beta1) default when the field is absent.
 *
 * @param field the field's path, e.g. {@code authentication.anonymous.enabled}
 * @param value the value in effect (a String, Boolean, Number, List or Map); null when none
 * @param explicit whether the configuration states it
 */
public record KubeletSetting(String field, Object value, boolean explicit) {

  public boolean isTrue() {
    return value instanceof Boolean b ? b : "true".equalsIgnoreCase(text());
  }

  public boolean isFalse() {
    return value instanceof Boolean b ? !b : "false".equalsIgnoreCase(text());
  }

  public boolean isSet() {
    return value != null && !text().isEmpty();
  }

  public String text() {
    return value == null ? "" : String.valueOf(value).strip();
  }

  /** The value as a number, or null when it is not one. */
  public Long number() {
    if (value instanceof Number n) {
      return n.longValue();
    }
    try {
      return Long.parseLong(text());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** How a report shows it: {@code field=value}, noting a default. */
  public String display() {
    if (explicit) {
      return field + "=" + text();
    }
    return value == null ? field + " not set" : field + " not set (default " + text() + ")";
  }

  /** {@code field is value}, or that it is absent and defaults to a value. */
  public String describe() {
    if (explicit) {
      return field + " is " + text();
    }
    return value == null ? field + " is not set" : field + " is not set and defaults to " + text();
  }

  String lower() {
    return text().toLowerCase(Locale.ROOT);
  }
}
