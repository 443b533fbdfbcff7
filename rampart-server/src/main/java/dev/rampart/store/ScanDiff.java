package dev.rampart.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What changed between two scans, by finding fingerprint.
 *
 * @param added the findings of {@code to} that {@code from} did not have (JSON {@code new})
 * @param resolved the findings of {@code from} that {@code to} no longer has
 * @param unchanged how many fingerprints both have
 */
public record ScanDiff(
    long from, long to, List<JsonNode> added, List<JsonNode> resolved, long unchanged) {

  public ScanDiff {
    added = List.copyOf(added);
    resolved = List.copyOf(resolved);
  }
}
