package dev.rampart.store;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One stored scan at a glance, as {@code GET /api/v1/scans} lists it.
 *
 * @param startedAt ISO-8601 instant
 * @param bySeverity and {@code byCategory}: as in the report's summary
 * @param findings how many findings it has
 * @param attackPaths how many attack paths
 */
public record ScanSummary(
    long id,
    String startedAt,
    long durationMs,
    String source,
    String cluster,
    int score,
    JsonNode bySeverity,
    JsonNode byCategory,
    int findings,
    int attackPaths) {}
