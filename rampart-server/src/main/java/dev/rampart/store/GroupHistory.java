package dev.rampart.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * An asset group across the stored scans.
 *
 * @param latest its posture in the latest scan that has it, as in the report's {@code assetGroups}
 * @param trend its score and counts by severity in every scan that has it, oldest first
 */
public record GroupHistory(
    String name, String criticality, String description, JsonNode latest, List<TrendPoint> trend) {

  public GroupHistory {
    trend = List.copyOf(trend);
  }
}
