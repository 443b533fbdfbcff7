package dev.rampart.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rampart.report.JsonReportWriter;
import dev.rampart.report.ReportContext;
import dev.rampart.scan.ScanResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A JSON report ({@code rampart.report/v1}) as a tree. The store keeps exactly what {@link
 * JsonReportWriter} writes, so that the API, a stored scan and {@code rampart scan -f json} can
 * never disagree on the shape of a finding.
 */
public final class ReportDocument {

  // A baseline file is input: its nesting is bounded as the scanner bounds manifests.
  static final ObjectMapper JSON =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxNestingDepth(200).build())
                  .build())
          .build();

  private final ObjectNode root;

  private ReportDocument(ObjectNode root) {
    this.root = root;
  }

  /** The report of a scan, written by the JSON report writer. */
  public static ReportDocument of(ScanResult result, ReportContext context) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    try {
      new JsonReportWriter().write(result, context, out);
      return new ReportDocument((ObjectNode) JSON.readTree(out.toByteArray()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render the scan as JSON", e);
    }
  }

  /**
   * The ids of the findings of a report written by {@code rampart scan -f json}, read as a stream:
   * the report of a large cluster need not fit in memory as a tree.
   *
   * @throws IllegalArgumentException when it is not such a report
   */
  public static Set<String> findingIds(InputStream in) throws IOException {
    String schema = null;
    Set<String> ids = null;
    try (JsonParser p = JSON.createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw notAReport();
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (name.equals("schemaVersion") && value == JsonToken.VALUE_STRING) {
          schema = p.getText();
        } else if (name.equals("findings") && value == JsonToken.START_ARRAY) {
          ids = new LinkedHashSet<>();
          while (p.nextToken() == JsonToken.START_OBJECT) {
            ids.add(JSON.<JsonNode>readTree(p).path("id").asText());
          }
        } else {
          p.skipChildren();
        }
      }
    }
    if (!JsonReportWriter.SCHEMA_VERSION.equals(schema) || ids == null) {
      throw notAReport();
    }
    return ids;
  }

  private static IllegalArgumentException notAReport() {
    return new IllegalArgumentException(
        "not a Rampart JSON report (schemaVersion "
            + JsonReportWriter.SCHEMA_VERSION
            + " with findings): write one with `rampart scan -f json`");
  }

  static ReportDocument of(JsonNode node) {
    if (node == null
        || !node.isObject()
        || !JsonReportWriter.SCHEMA_VERSION.equals(node.path("schemaVersion").asText())
        || !node.path("findings").isArray()) {
      throw notAReport();
    }
    return new ReportDocument((ObjectNode) node);
  }

  public ObjectNode root() {
    return root;
  }

  public JsonNode section(String name) {
    return root.path(name);
  }

  public List<JsonNode> findings() {
    List<JsonNode> result = new ArrayList<>();
    root.path("findings").forEach(result::add);
    return result;
  }

  /** The fingerprints of the findings, in report order. */
  public Set<String> findingIds() {
    Set<String> ids = new LinkedHashSet<>();
    root.path("findings").forEach(f -> ids.add(f.path("id").asText()));
    return ids;
  }
}
