package dev.rampart.scan;

import java.util.List;
import java.util.Map;

/**
 * How one asset group of {@code rampart.yaml} stands: its findings by severity, a score, and the
 * attack paths that reach it.
 *
 * @param objects how many objects of the snapshot belong to it
 * @param score 100 minus 10 per critical, 6 per high, 3 per medium and 1 per low finding, at least
 *     0
 * @param attackPaths the ids of the attack paths whose target belongs to it
 */
public record AssetGroupPosture(
    String name,
    String criticality,
    String description,
    int objects,
    Map<String, Integer> bySeverity,
    int score,
    List<String> attackPaths) {

  public AssetGroupPosture {
    bySeverity = Map.copyOf(bySeverity);
    attackPaths = List.copyOf(attackPaths);
  }
}
