package dev.rampart.source.file;

/**
 * Short strings seen lately, shared by every {@link BlockYaml}: the keys and many values of
 * manifests ({@code apiVersion}, {@code v1}, {@code name}, {@code IfNotPresent}) repeat across
 * thousands of objects, so one instance serves them all, which spares the allocation, the hash and
 * the memory of each copy the models keep.
 *
 * <p>The table is written without locks on purpose: a String is immutable (its fields final, so
 * safely published), and a write lost to a race only costs a later miss.
 */
final class ShortStrings {

  private static final int SLOTS = 8192;
  private static final int MAX_LENGTH = 40;
  private static final String[] TABLE = new String[SLOTS];

  private ShortStrings() {}

  /** The string of {@code s[from, to)}, shared when it is short. */
  static String of(char[] s, int from, int to) {
    int length = to - from;
    if (length > MAX_LENGTH) {
      return new String(s, from, length);
    }
    int hash = 0;
    for (int i = from; i < to; i++) {
      hash = 31 * hash + s[i];
    }
    int slot = (hash ^ (hash >>> 13)) & (SLOTS - 1);
    String known = TABLE[slot];
    if (known != null && known.length() == length && same(known, s, from)) {
      return known;
    }
    String fresh = new String(s, from, length);
    TABLE[slot] = fresh;
    return fresh;
  }

  private static boolean same(String known, char[] s, int from) {
    for (int i = 0; i < known.length(); i++) {
      if (known.charAt(i) != s[from + i]) {
        return false;
      }
    }
    return true;
  }
}
