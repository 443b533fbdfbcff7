package dev.rampart.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** One page of a scan's findings, each exactly as in the JSON report. */
public record FindingPage(long total, int offset, int limit, List<JsonNode> items) {

  public FindingPage {
    items = List.copyOf(items);
  }
}
