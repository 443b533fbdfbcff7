package dev.rampart.graph;

import java.util.List;

/**
 * A chain of edges from an entry point to a crown jewel.
 *
 * @param id stable for the same chain: {@code path-} and a hash of the step ids
 * @param target the crown jewel reached
 * @param impact how bad reaching it is, 0 to 100
 * @param likelihood the product of the steps' likelihoods
 * @param score likelihood times impact, 0 to 100
 */
public record AttackPath(
    String id,
    Asset entry,
    Asset target,
    String targetReason,
    int impact,
    double likelihood,
    int score,
    List<Step> steps) {

  public AttackPath {
    steps = List.copyOf(steps);
  }

  /** One edge of the path. */
  public record Step(Asset from, Asset to, Edge edge) {}

  public int length() {
    return steps.size();
  }

  /** {@code internet → Deployment/storefront/frontend → ... → Secret/payments/db}. */
  public String describe() {
    StringBuilder sb = new StringBuilder(entry.id());
    steps.forEach(s -> sb.append(" → ").append(s.to().id()));
    return sb.toString();
  }
}
