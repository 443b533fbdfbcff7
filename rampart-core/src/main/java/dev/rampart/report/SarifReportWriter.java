package dev.rampart.report;

import static dev.rampart.report.JsonOutput.optional;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.rampart.checks.CheckDescriptor;
import dev.rampart.checks.Finding;
import dev.rampart.checks.Severity;
import dev.rampart.scan.Coverage;
import dev.rampart.scan.ScanResult;
import dev.rampart.snapshot.InputProblem;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * SARIF 2.1.0, as GitHub code scanning and other SARIF viewers read it: one run, a rule per check,
 * a result per finding, input problems as tool execution notifications.
 */
public final class SarifReportWriter implements ReportWriter {

  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  static final String FINGERPRINT = "rampart/v1";

  private final Parallelism parallelism;

  public SarifReportWriter() {
    this(Parallelism.ofMachine());
  }

  SarifReportWriter(Parallelism parallelism) {
    this.parallelism = parallelism;
  }

  @Override
  public void write(ScanResult result, ReportContext context, OutputStream out) throws IOException {
    Map<String, CheckDescriptor> rules = rules(result, context);
    Map<String, Integer> ruleIndex = new LinkedHashMap<>();
    rules.keySet().forEach(id -> ruleIndex.put(id, ruleIndex.size()));

    JsonGenerator g = JsonOutput.open(out);
    g.writeStartObject();
    g.writeStringField("$schema", SCHEMA);
    g.writeStringField("version", "2.1.0");
    g.writeArrayFieldStart("runs");
    g.writeStartObject();
    g.writeObjectFieldStart("tool");
    g.writeObjectFieldStart("driver");
    g.writeStringField("name", "rampart");
    g.writeStringField("version", context.toolVersion());
    g.writeArrayFieldStart("rules");
    for (CheckDescriptor d : rules.values()) {
      rule(g, d);
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndObject();
    invocation(g, result, ruleIndex);
    g.writeArrayFieldStart("results");
    Baseline baseline = context.baseline();
    new ChunkedArray<Finding>(
            (chunk, f) -> result(chunk, f, ruleIndex.get(f.checkId()), baseline), parallelism)
        .write(g, out, result.findings());
    g.writeEndArray();
    g.writeObjectFieldStart("properties");
    g.writeStringField("scanId", result.id());
    optional(g, "source", result.source());
    optional(g, "cluster", result.cluster());
    g.writeNumberField("score", result.summary().score());
    g.writeEndObject();
    g.writeEndObject();
    g.writeEndArray();
    g.writeEndObject();
    JsonOutput.finish(g, out);
  }

  /**
   * The catalog, plus a rule made from the finding for any check the catalog does not hold, so that
   * every result has a rule to point at.
   */
  private static Map<String, CheckDescriptor> rules(ScanResult result, ReportContext context) {
    Map<String, CheckDescriptor> rules = context.checksById();
    for (Finding f : result.findings()) {
      rules.computeIfAbsent(
          f.checkId(),
          id ->
              new CheckDescriptor(
                  id,
                  f.title(),
                  f.severity(),
                  f.category(),
                  f.frameworks(),
                  "",
                  f.remediation() == null ? "" : f.remediation().text(),
                  ""));
    }
    return rules;
  }

  private static void rule(JsonGenerator g, CheckDescriptor d) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", d.id());
    g.writeStringField("name", pascalCase(d.id()));
    text(g, "shortDescription", d.title());
    if (!d.why().isBlank()) {
      text(g, "fullDescription", d.why());
    }
    if (!d.remediation().isBlank()) {
      g.writeObjectFieldStart("help");
      g.writeStringField("text", d.remediation());
      g.writeStringField("markdown", helpMarkdown(d));
      g.writeEndObject();
    }
    g.writeObjectFieldStart("defaultConfiguration");
    g.writeStringField("level", level(d.severity()));
    g.writeEndObject();
    g.writeObjectFieldStart("properties");
    g.writeArrayFieldStart("tags");
    g.writeString("security");
    for (String framework : d.frameworks()) {
      g.writeString(framework);
    }
    g.writeEndArray();
    g.writeStringField("category", d.category().id());
    g.writeStringField("security-severity", securitySeverity(d.severity()));
    g.writeEndObject();
    g.writeEndObject();
  }

  private static String helpMarkdown(CheckDescriptor d) {
    StringBuilder md = new StringBuilder(d.remediation());
    if (!d.why().isBlank()) {
      md.append("\n\n**Why it matters:** ").append(d.why());
    }
    if (!d.frameworks().isEmpty()) {
      md.append("\n\n**Frameworks:** ");
      for (int i = 0; i < d.frameworks().size(); i++) {
        md.append(i == 0 ? "" : ", ").append('`').append(d.frameworks().get(i)).append('`');
      }
    }
    return md.toString();
  }

  private static void invocation(JsonGenerator g, ScanResult result, Map<String, Integer> ruleIndex)
      throws IOException {
    g.writeArrayFieldStart("invocations");
    g.writeStartObject();
    // Inputs that could not be parsed make the scan incomplete (exit code 3): not a success.
    g.writeBooleanField("executionSuccessful", !result.hasInputErrors());
    if (result.startedAt() != null) {
      g.writeStringField("startTimeUtc", result.startedAt().toString());
      Instant end = result.startedAt().plusMillis(result.durationMs());
      g.writeStringField("endTimeUtc", end.toString());
    }
    g.writeArrayFieldStart("toolExecutionNotifications");
    Coverage coverage = result.coverage();
    for (InputProblem p : coverage.errors()) {
      notification(g, "error", p);
    }
    for (InputProblem p : coverage.warnings()) {
      notification(g, "warning", p);
    }
    for (Coverage.NotEvaluated n : coverage.notEvaluated()) {
      g.writeStartObject();
      g.writeStringField("level", "warning");
      text(g, "message", "Check " + n.checkId() + " was not evaluated: " + n.reason());
      Integer index = ruleIndex.get(n.checkId());
      if (index != null) {
        g.writeObjectFieldStart("associatedRule");
        g.writeStringField("id", n.checkId());
        g.writeNumberField("index", index);
        g.writeEndObject();
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndArray();
  }

  private static void notification(JsonGenerator g, String level, InputProblem p)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("level", level);
    text(g, "message", p.message());
    if (p.file() != null) {
      g.writeArrayFieldStart("locations");
      g.writeStartObject();
      physicalLocation(g, p.file(), p.line());
      g.writeEndObject();
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  private static void result(JsonGenerator g, Finding f, int ruleIndex, Baseline baseline)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("ruleId", f.checkId());
    g.writeNumberField("ruleIndex", ruleIndex);
    g.writeStringField("level", level(f.severity()));
    if (baseline != null) {
      // SARIF's own field for "compared with a previous run": code-scanning UIs show it.
      g.writeStringField("baselineState", baseline.isNew(f) ? "new" : "unchanged");
    }
    // SARIF's rank is "priority or importance, 0 to 100": exactly what priority is.
    g.writeNumberField("rank", f.priority());
    text(g, "message", f.message());
    g.writeArrayFieldStart("locations");
    g.writeStartObject();
    Finding.Location l = f.location();
    if (l != null && l.file() != null) {
      physicalLocation(g, l.file(), l.line());
    }
    g.writeArrayFieldStart("logicalLocations");
    g.writeStartObject();
    g.writeStringField("name", f.resource().name());
    g.writeStringField("fullyQualifiedName", Display.object(f.resource()));
    g.writeStringField("kind", "resource");
    g.writeEndObject();
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndArray();
    g.writeObjectFieldStart("partialFingerprints");
    g.writeStringField(FINGERPRINT, f.id());
    g.writeEndObject();
    g.writeObjectFieldStart("properties");
    g.writeNumberField("priority", f.priority());
    JsonOutput.strings(g, "priorityReasons", f.priorityReasons());
    Finding.Resource r = f.resource();
    g.writeObjectFieldStart("resource");
    optional(g, "apiVersion", r.apiVersion());
    g.writeStringField("kind", r.kind());
    optional(g, "namespace", r.namespace());
    g.writeStringField("name", r.name());
    optional(g, "container", r.container());
    g.writeEndObject();
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void physicalLocation(JsonGenerator g, String file, int line) throws IOException {
    g.writeObjectFieldStart("physicalLocation");
    g.writeObjectFieldStart("artifactLocation");
    g.writeStringField("uri", uri(file));
    g.writeEndObject();
    if (line > 0) {
      g.writeObjectFieldStart("region");
      g.writeNumberField("startLine", line);
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private static void text(JsonGenerator g, String name, String text) throws IOException {
    g.writeObjectFieldStart(name);
    g.writeStringField("text", text);
    g.writeEndObject();
  }

  /**
   * A file name as a URI reference: forward slashes, percent-encoded, relative when the scan was
   * given a relative path (so that code scanning resolves it against the repository root), a {@code
   * file:} URI when it was absolute.
   */
  static String uri(String file) {
    String path = file.replace('\\', '/');
    boolean drive =
        path.length() > 2
            && Character.isLetter(path.charAt(0))
            && path.charAt(1) == ':'
            && path.charAt(2) == '/';
    try {
      if (path.startsWith("/") || drive) {
        return "file://" + encode(drive ? "/" + path : path);
      }
      int colon = path.indexOf(':');
      int slash = path.indexOf('/');
      // A colon in the first segment would read as a URI scheme.
      boolean looksLikeScheme = colon >= 0 && (slash < 0 || colon < slash);
      return looksLikeScheme ? "./" + encode(path) : encode(path);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("cannot express '" + file + "' as a URI", e);
    }
  }

  private static String encode(String path) throws URISyntaxException {
    return new URI(null, null, path, null).toASCIIString();
  }

  /** critical and high fail a build, medium warns, low and info inform. */
  static String level(Severity s) {
    return switch (s) {
      case CRITICAL, HIGH -> "error";
      case MEDIUM -> "warning";
      case LOW, INFO -> "note";
    };
  }

  /** The CVSS-like score GitHub code scanning uses to rank security alerts. */
  static String securitySeverity(Severity s) {
    return switch (s) {
      case CRITICAL -> "9.5";
      case HIGH -> "8.0";
      case MEDIUM -> "5.5";
      case LOW -> "3.0";
      case INFO -> "0.0";
    };
  }

  /** {@code privileged-container} becomes {@code PrivilegedContainer}, the usual rule name. */
  static String pascalCase(String id) {
    StringBuilder name = new StringBuilder();
    for (String part : id.split("[^A-Za-z0-9]+")) {
      if (!part.isEmpty()) {
        name.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
      }
    }
    return name.toString();
  }
}
