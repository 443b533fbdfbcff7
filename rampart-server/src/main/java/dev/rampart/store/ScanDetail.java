package dev.rampart.store;

import com.fasterxml.jackson.databind.JsonNode;

/** A stored scan's summary and the report sections that describe it as a whole. */
public record ScanDetail(
    ScanSummary summary,
    JsonNode coverage,
    JsonNode assetGroups,
    JsonNode exceptionsApplied,
    JsonNode exceptionsExpired) {}
