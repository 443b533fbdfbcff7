package dev.rampart.checks.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A dotted version as components report it, with whatever a vendor appended: {@code v1.29.4},
 * {@code v1.29.3-eks-adc7111}, {@code v1.28.9-gke.1000000}, {@code v1.27.6+f67aeb3}, {@code
 * 5.15.0-105-generic}, {@code 3.5.12-0}. Ordered by its numbers only; the suffix is kept to tell
 * vendor builds apart.
 *
 * @param numbers the leading dot-separated numbers
 * @param suffix what follows them, e.g. {@code -eks-adc7111}; empty when none
 * @param text the version as written
 */
public record Version(List<Integer> numbers, String suffix, String text)
    implements Comparable<Version> {

  public Version {
    numbers = List.copyOf(numbers);
  }

  /** The version in {@code text}, ignoring a leading {@code v}; empty when it starts with none. */
  public static Optional<Version> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.strip();
    int i = t.startsWith("v") || t.startsWith("V") ? 1 : 0;
    List<Integer> numbers = new ArrayList<>();
    while (i < t.length() && Character.isDigit(t.charAt(i))) {
      int start = i;
      while (i < t.length() && Character.isDigit(t.charAt(i))) {
        i++;
      }
      String digits = t.substring(start, i);
      if (digits.length() > 9) {
        return Optional.empty();
      }
      numbers.add(Integer.parseInt(digits));
      if (i + 1 < t.length() && t.charAt(i) == '.' && Character.isDigit(t.charAt(i + 1))) {
        i++;
      } else {
        break;
      }
    }
    if (numbers.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Version(numbers, t.substring(i), text.strip()));
  }

  public static Version of(String text) {
    return parse(text).orElseThrow(() -> new IllegalArgumentException("not a version: " + text));
  }

  public int major() {
    return number(0);
  }

  public int minor() {
    return number(1);
  }

  public int patch() {
    return number(2);
  }

  private int number(int index) {
    return index < numbers.size() ? numbers.get(index) : 0;
  }

  /** {@code major.minor}, the release line, e.g. {@code 1.29}. */
  public String minorLine() {
    return major() + "." + minor();
  }

  /** {@code major.minor.patch} without prefix or suffix. */
  public String core() {
    return major() + "." + minor() + "." + patch();
  }

  public boolean hasSuffix() {
    return !suffix.isEmpty();
  }

  public boolean isBefore(Version other) {
    return compareTo(other) < 0;
  }

  public boolean isAtLeast(Version other) {
    return compareTo(other) >= 0;
  }

  /** Whether this is at least {@code major.minor}. */
  public boolean isAtLeast(int major, int minor) {
    return major() > major || major() == major && minor() >= minor;
  }

  @Override
  public int compareTo(Version other) {
    int n = Math.max(numbers.size(), other.numbers.size());
    for (int i = 0; i < n; i++) {
      int c = Integer.compare(number(i), other.number(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  @Override
  public String toString() {
    return text;
  }
}
