package dev.rampart.checks.controlplane;

import java.util.Locale;

/**
 * The effective value of one flag of one component: written on its command line (or, for etcd, in
 * its environment), or the component's default when absent.
 *
 * @param flag the flag's name without dashes
 * @param value the value in effect; null when absent and without a default
 * @param explicit whether it was written rather than defaulted
 * @param path where it is (or would be written) in the pod, e.g. {@code
 *     spec.containers[0].command[--anonymous-auth]}: a stable locator, not an index that shifts
 *     when other flags are added
 */
public record Setting(String flag, String value, boolean explicit, String path) {

  public boolean isSet() {
    return value != null && !value.isEmpty();
  }

  public boolean isTrue() {
    return value != null && value.strip().toLowerCase(Locale.ROOT).equals("true");
  }

  public boolean isFalse() {
    return value != null && value.strip().toLowerCase(Locale.ROOT).equals("false");
  }

  /** How a report shows it: {@code --flag=value}, or that it is absent and what that means. */
  public String display() {
    if (explicit) {
      return "--" + flag + "=" + value;
    }
    return value == null
        ? "--" + flag + " not set"
        : "--" + flag + " not set (default " + value + ")";
  }

  /**
   * {@code --flag=value} when written, {@code --flag is not set and defaults to value} when not.
   */
  public String describe() {
    if (explicit) {
      return "--" + flag + "=" + value;
    }
    return value == null
        ? "--" + flag + " is not set"
        : "--" + flag + " is not set and defaults to " + value;
  }
}
