package dev.rampart.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An IPv4 or IPv6 prefix ({@code 10.0.0.0/8}, {@code 2001:db8::/32}); a single address is a full
 * length prefix. Parsed by hand: the analysis layer stays free of {@code java.net}, which resolves
 * host names.
 *
 * <p>Addresses are kept as 128 bits ({@code hi}, {@code lo}); an IPv4 address sits in the low 32
 * bits, and its prefix length is stored as given (0 to 32).
 */
public record Cidr(boolean ipv6, long hi, long lo, int prefix) {

  /** Every IPv4 address. */
  public static final Cidr ALL_V4 = parse("0.0.0.0/0");

  /** Every IPv6 address. */
  public static final Cidr ALL_V6 = parse("::/0");

  public Cidr {
    int width = ipv6 ? 128 : 32;
    if (prefix < 0 || prefix > width) {
      throw new IllegalArgumentException("prefix length " + prefix + " out of range");
    }
    // Keep only the network bits, as net.ParseCIDR does: 10.1.2.3/8 is 10.0.0.0/8.
    int bits = internalPrefix(ipv6, prefix);
    hi &= hiMask(bits);
    lo &= loMask(bits);
  }

  /**
   * Parses {@code ADDRESS/LENGTH} or a single address.
   *
   * @throws IllegalArgumentException with a message that says what is wrong
   */
  public static Cidr parse(String text) {
    String s = text.strip();
    int slash = s.indexOf('/');
    String address = slash < 0 ? s : s.substring(0, slash);
    boolean v6 = address.indexOf(':') >= 0;
    long[] value = v6 ? parseV6(address, text) : new long[] {0, parseV4(address, text)};
    int width = v6 ? 128 : 32;
    int length = width;
    if (slash >= 0) {
      String len = s.substring(slash + 1);
      if (len.isEmpty() || len.length() > 3 || !len.chars().allMatch(Character::isDigit)) {
        throw new IllegalArgumentException("invalid prefix length in \"" + text + "\"");
      }
      length = Integer.parseInt(len);
      if (length > width) {
        throw new IllegalArgumentException(
            "prefix length " + length + " is longer than " + width + " bits in \"" + text + "\"");
      }
    }
    return new Cidr(v6, value[0], value[1], length);
  }

  /** Whether {@code text} is an address or a prefix this class can parse. */
  public static boolean isValid(String text) {
    try {
      parse(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  public int width() {
    return ipv6 ? 128 : 32;
  }

  /** Whether every address of {@code other} is in this prefix. */
  public boolean contains(Cidr other) {
    if (other.ipv6 != ipv6 || other.prefix < prefix) {
      return false;
    }
    int bits = internalPrefix(ipv6, prefix);
    return (other.hi & hiMask(bits)) == hi && (other.lo & loMask(bits)) == lo;
  }

  /** Prefixes either nest or are disjoint: they overlap when one contains the other. */
  public boolean overlaps(Cidr other) {
    return contains(other) || other.contains(this);
  }

  /**
   * Whether the union of {@code covers} holds every address of {@code target}. Prefixes nest or are
   * disjoint, so a prefix that no cover contains is split in two halves until each half is
   * contained or untouched; only halves that a cover overlaps are split, so the work is bounded by
   * the covers times the address width.
   */
  public static boolean covered(Cidr target, List<Cidr> covers) {
    List<Cidr> relevant = new ArrayList<>();
    for (Cidr c : covers) {
      if (c.contains(target)) {
        return true;
      }
      if (target.contains(c)) {
        relevant.add(c);
      }
    }
    if (relevant.isEmpty() || target.prefix == target.width()) {
      return false;
    }
    return covered(target.half(0), relevant) && covered(target.half(1), relevant);
  }

  /** The lower (0) or upper (1) half of this prefix. */
  Cidr half(int which) {
    int bit = internalPrefix(ipv6, prefix);
    long h = hi;
    long l = lo;
    if (which == 1) {
      if (bit < 64) {
        h |= 1L << (63 - bit);
      } else {
        l |= 1L << (127 - bit);
      }
    }
    return new Cidr(ipv6, h, l, prefix + 1);
  }

  private static int internalPrefix(boolean v6, int prefix) {
    return v6 ? prefix : prefix + 96;
  }

  private static long hiMask(int bits) {
    if (bits >= 64) {
      return -1L;
    }
    return bits == 0 ? 0 : -1L << (64 - bits);
  }

  private static long loMask(int bits) {
    if (bits <= 64) {
      return 0;
    }
    return bits == 128 ? -1L : -1L << (128 - bits);
  }

  private static long parseV4(String address, String text) {
    String[] parts = address.split("\\.", -1);
    if (parts.length != 4) {
      throw new IllegalArgumentException("invalid IPv4 address in \"" + text + "\"");
    }
    long value = 0;
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
        throw new IllegalArgumentException("invalid IPv4 address in \"" + text + "\"");
      }
      int octet = Integer.parseInt(p);
      if (octet > 255) {
        throw new IllegalArgumentException(
            "IPv4 octet " + octet + " above 255 in \"" + text + "\"");
      }
      value = (value << 8) | octet;
    }
    return value;
  }

  private static long[] parseV6(String address, String text) {
    String a = address.toLowerCase(Locale.ROOT);
    int doubleColon = a.indexOf("::");
    if (doubleColon >= 0 && a.indexOf("::", doubleColon + 1) >= 0) {
      throw new IllegalArgumentException("more than one \"::\" in \"" + text + "\"");
    }
    List<Integer> head = groups(doubleColon >= 0 ? a.substring(0, doubleColon) : a, text);
    List<Integer> tail =
        doubleColon >= 0 ? groups(a.substring(doubleColon + 2), text) : new ArrayList<>();
    int total = head.size() + tail.size();
    if (doubleColon < 0 ? total != 8 : total > 7) {
      throw new IllegalArgumentException("invalid IPv6 address in \"" + text + "\"");
    }
    int[] words = new int[8];
    for (int i = 0; i < head.size(); i++) {
      words[i] = head.get(i);
    }
    for (int i = 0; i < tail.size(); i++) {
      words[8 - tail.size() + i] = tail.get(i);
    }
    long hi = 0;
    long lo = 0;
    for (int i = 0; i < 4; i++) {
      hi = (hi << 16) | words[i];
      lo = (lo << 16) | words[i + 4];
    }
    return new long[] {hi, lo};
  }

  /** 16-bit groups; a trailing dotted IPv4 address counts as two. */
  private static List<Integer> groups(String part, String text) {
    List<Integer> words = new ArrayList<>();
    if (part.isEmpty()) {
      return words;
    }
    String[] pieces = part.split(":", -1);
    for (int i = 0; i < pieces.length; i++) {
      String p = pieces[i];
      if (i == pieces.length - 1 && p.indexOf('.') >= 0) {
        long v4 = parseV4(p, text);
        words.add((int) (v4 >>> 16));
        words.add((int) (v4 & 0xffff));
        continue;
      }
      if (p.isEmpty() || p.length() > 4 || !p.chars().allMatch(Cidr::isHex)) {
        throw new IllegalArgumentException("invalid IPv6 address in \"" + text + "\"");
      }
      words.add(Integer.parseInt(p, 16));
    }
    return words;
  }

  private static boolean isHex(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  }

  @Override
  public String toString() {
    return (ipv6 ? formatV6() : formatV4()) + "/" + prefix;
  }

  private String formatV4() {
    return ((lo >>> 24) & 0xff)
        + "."
        + ((lo >>> 16) & 0xff)
        + "."
        + ((lo >>> 8) & 0xff)
        + "."
        + (lo & 0xff);
  }

  /** RFC 5952: lower case, the longest run of two or more zero groups shortened to "::". */
  private String formatV6() {
    int[] words = new int[8];
    for (int i = 0; i < 4; i++) {
      words[i] = (int) ((hi >>> (48 - 16 * i)) & 0xffff);
      words[i + 4] = (int) ((lo >>> (48 - 16 * i)) & 0xffff);
    }
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      if (words[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && words[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        sb.append("::");
        i += bestLength - 1;
        continue;
      }
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
        sb.append(':');
      }
      sb.append(Integer.toHexString(words[i]));
    }
    return sb.toString();
  }
}
