package dev.rampart.source.file;

/**
 * Bounds that keep hostile input from exhausting memory or time. Kubernetes itself stores objects
 * of at most 1.5 MiB, so an object ten times that size is not something a cluster can hold.
 *
 * @param maxObjectChars the largest single object (or list item) read, in characters
 * @param maxNestingDepth the deepest nesting of mappings and sequences
 * @param maxValues the most values (mappings, sequences, scalars) one object may hold, counting
 *     every YAML alias as the values it expands to ("billion laughs")
 */
public record ParseLimits(int maxObjectChars, int maxNestingDepth, long maxValues) {

  public static final ParseLimits DEFAULT = new ParseLimits(16 * 1024 * 1024, 200, 1_000_000);
}
