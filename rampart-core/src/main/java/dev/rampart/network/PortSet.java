package dev.rampart.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A set of (protocol, port) pairs, as sorted disjoint ranges per protocol. Immutable; equal sets
 * are equal objects, so sets can key maps.
 */
public final class PortSet {

  public static final int MIN_PORT = 1;
  public static final int MAX_PORT = 65535;

  private static final int[] EMPTY_RANGES = new int[0];
  private static final int[] ALL_RANGES = {MIN_PORT, MAX_PORT};

  public static final PortSet NONE =
      new PortSet(new int[][] {EMPTY_RANGES, EMPTY_RANGES, EMPTY_RANGES});
  public static final PortSet ALL = new PortSet(new int[][] {ALL_RANGES, ALL_RANGES, ALL_RANGES});

  /** Per protocol ordinal: start0, end0, start1, end1, ... sorted, disjoint, not adjacent. */
  private final int[][] ranges;

  private PortSet(int[][] ranges) {
    this.ranges = ranges;
  }

  /** Every port of one protocol. */
  public static PortSet allOf(Protocol protocol) {
    return range(protocol, MIN_PORT, MAX_PORT);
  }

  public static PortSet port(Protocol protocol, int port) {
    return range(protocol, port, port);
  }

  /** Ports {@code from} to {@code to} inclusive, clipped to 1..65535; empty when to < from. */
  public static PortSet range(Protocol protocol, int from, int to) {
    int lo = Math.max(MIN_PORT, from);
    int hi = Math.min(MAX_PORT, to);
    if (hi < lo) {
      return NONE;
    }
    int[][] r = {EMPTY_RANGES, EMPTY_RANGES, EMPTY_RANGES};
    r[protocol.ordinal()] = new int[] {lo, hi};
    return new PortSet(r);
  }

  public boolean contains(Protocol protocol, int port) {
    int[] r = ranges[protocol.ordinal()];
    for (int i = 0; i < r.length; i += 2) {
      if (port < r[i]) {
        return false;
      }
      if (port <= r[i + 1]) {
        return true;
      }
    }
    return false;
  }

  public boolean isEmpty() {
    for (int[] r : ranges) {
      if (r.length > 0) {
        return false;
      }
    }
    return true;
  }

  public boolean isAll() {
    return equals(ALL);
  }

  /** Whether every port of {@code other} is in this set. */
  public boolean containsAll(PortSet other) {
    return intersect(other).equals(other);
  }

  public boolean intersects(PortSet other) {
    return !intersect(other).isEmpty();
  }

  public PortSet union(PortSet other) {
    if (other == this || other.isEmpty() || isAll()) {
      return this;
    }
    if (isEmpty() || other.isAll()) {
      return other;
    }
    int[][] r = new int[3][];
    for (int p = 0; p < 3; p++) {
      r[p] = union(ranges[p], other.ranges[p]);
    }
    return new PortSet(r);
  }

  public PortSet intersect(PortSet other) {
    if (other == this || other.isAll()) {
      return this;
    }
    if (isAll()) {
      return other;
    }
    int[][] r = new int[3][];
    for (int p = 0; p < 3; p++) {
      r[p] = intersect(ranges[p], other.ranges[p]);
    }
    return new PortSet(r);
  }

  private static int[] union(int[] a, int[] b) {
    if (a.length == 0) {
      return b;
    }
    if (b.length == 0) {
      return a;
    }
    int[] all = new int[a.length + b.length];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < a.length || j < b.length) {
      int start;
      int end;
      if (j >= b.length || (i < a.length && a[i] <= b[j])) {
        start = a[i];
        end = a[i + 1];
        i += 2;
      } else {
        start = b[j];
        end = b[j + 1];
        j += 2;
      }
      if (n > 0 && start <= all[n - 1] + 1) {
        all[n - 1] = Math.max(all[n - 1], end);
      } else {
        all[n++] = start;
        all[n++] = end;
      }
    }
    return Arrays.copyOf(all, n);
  }

  private static int[] intersect(int[] a, int[] b) {
    if (a.length == 0 || b.length == 0) {
      return EMPTY_RANGES;
    }
    int[] out = new int[a.length + b.length];
    int n = 0;
    int i = 0;
    int j = 0;
    while (i < a.length && j < b.length) {
      int lo = Math.max(a[i], b[j]);
      int hi = Math.min(a[i + 1], b[j + 1]);
      if (lo <= hi) {
        out[n++] = lo;
        out[n++] = hi;
      }
      if (a[i + 1] < b[j + 1]) {
        i += 2;
      } else {
        j += 2;
      }
    }
    return Arrays.copyOf(out, n);
  }

  /** The ranges of one protocol as {from, to} pairs. */
  public List<int[]> ranges(Protocol protocol) {
    int[] r = ranges[protocol.ordinal()];
    List<int[]> out = new ArrayList<>();
    for (int i = 0; i < r.length; i += 2) {
      out.add(new int[] {r[i], r[i + 1]});
    }
    return out;
  }

  /**
   * {@code all ports}, {@code none}, or per protocol: {@code TCP 80, 443, 8000-8080; UDP 53},
   * {@code all TCP ports}.
   */
  public String describe() {
    if (isAll()) {
      return "all ports";
    }
    if (isEmpty()) {
      return "no ports";
    }
    List<String> parts = new ArrayList<>();
    for (Protocol p : Protocol.values()) {
      int[] r = ranges[p.ordinal()];
      if (r.length == 0) {
        continue;
      }
      if (r.length == 2 && r[0] == MIN_PORT && r[1] == MAX_PORT) {
        parts.add("all " + p + " ports");
        continue;
      }
      List<String> items = new ArrayList<>();
      for (int i = 0; i < r.length; i += 2) {
        items.add(r[i] == r[i + 1] ? Integer.toString(r[i]) : r[i] + "-" + r[i + 1]);
      }
      parts.add(p + " " + String.join(", ", items));
    }
    return String.join("; ", parts);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PortSet other && Arrays.deepEquals(ranges, other.ranges);
  }

  @Override
  public int hashCode() {
    return Arrays.deepHashCode(ranges);
  }

  @Override
  public String toString() {
    return describe();
  }
}
