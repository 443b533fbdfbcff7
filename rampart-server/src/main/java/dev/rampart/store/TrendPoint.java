package dev.rampart.store;

import com.fasterxml.jackson.databind.JsonNode;

/** A scan's score and counts by severity, a point of a trend line. */
public record TrendPoint(long scanId, String startedAt, int score, JsonNode bySeverity) {}
