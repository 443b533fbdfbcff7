package dev.rampart.source.file;

import java.util.Arrays;

/**
 * Short strings seen lately, shared by every {@link BlockYaml}: the keys and many values of
 * manifests ({@code apiVersion}, {@code v1}, {@code name}, {@code IfNotPresent}) repeat across
 * thousands of objects, so one instance serves them all, which spares the allocation, the hash and
 * the memory of each copy the models keep.
 *
 * <p>The table is written without locks on purpose: an entry is immutable (its fields final, so
 * safely published, and its array never written after), and a write lost to a race only costs a
 * later miss.
 */
final class ShortStrings {

  private static final int SLOTS = 8192;
  private static final int MAX_LENGTH = 40;

  /**
   * A shared string and its characters: comparing two arrays is a plain loop, where {@code
   * String.charAt} checks the string's coder and bounds per character (a fifth of the reader's time
   * in a profile).
   */
  private record Entry(char[] chars, String string) {}

  private static final Entry[] TABLE = new Entry[SLOTS];

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
    Entry known = TABLE[slot];
    if (known != null && same(known.chars(), s, from, length)) {
      return known.string();
    }
    String fresh = new String(s, from, length);
    TABLE[slot] = new Entry(Arrays.copyOfRange(s, from, to), fresh);
    return fresh;
  }

  private static boolean same(char[] known, char[] s, int from, int length) {
    if (known.length != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (known[i] != s[from + i]) {
        return false;
      }
    }
    return true;
  }
}
