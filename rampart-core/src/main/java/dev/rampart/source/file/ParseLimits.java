package dev.rampart.source.file;

/**
 * Bounds that keep hostile input from exhausting memory or time. Kubernetes itself stores objects
 * of at most 1.5 MiB, so an object ten times that size is not something a cluster can hold.
 *
 * @param maxObjectChars the largest single object (or list item) read, in characters
 * @param maxNestingDepth the deepest nesting of mappings and sequences
 * @param maxAliases the most aliases to collections one document may use (YAML "billion laughs")
 */
public record ParseLimits(int maxObjectChars, int maxNestingDepth, int maxAliases) {

  public static final ParseLimits DEFAULT = new ParseLimits(16 * 1024 * 1024, 200, 50);
}
