package dev.rampart.graph;

import java.util.List;

/**
 * One relationship of the asset graph, with the evidence that created it. Compared by identity: two
 * edges between the same assets may stand for different grants.
 *
 * @param technique a MITRE ATT&amp;CK technique id ({@code T1611}), or null when none fits
 * @param likelihood how likely an attacker who holds the source gets the target, in (0, 1]
 * @param evidence the objects and fields that created the edge, in words
 */
public record Edge(EdgeType type, String technique, double likelihood, List<String> evidence) {

  public Edge {
    if (!(likelihood > 0 && likelihood <= 1)) {
      throw new IllegalArgumentException("likelihood must be in (0, 1]: " + likelihood);
    }
    evidence = List.copyOf(evidence);
  }

  /** The search weight: the shortest path is the most likely one. */
  public double weight() {
    return -Math.log(likelihood);
  }

  @Override
  public boolean equals(Object o) {
    return this == o;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }
}
