package dev.rampart.report;

import static dev.rampart.report.JsonOutput.optional;
import static dev.rampart.report.JsonOutput.positive;
import static dev.rampart.report.JsonOutput.strings;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.rampart.checks.CheckRun;
import dev.rampart.checks.Finding;
import dev.rampart.checks.Patch;
import dev.rampart.checks.Severity;
import dev.rampart.graph.AttackPath;
import dev.rampart.scan.AppliedException;
import dev.rampart.scan.AssetGroupPosture;
import dev.rampart.scan.Coverage;
import dev.rampart.scan.ExpiredException;
import dev.rampart.scan.ScanResult;
import dev.rampart.scan.Summary;
import dev.rampart.snapshot.InputProblem;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The JSON report, the public contract of DESIGN section 7 ({@code docs/report-json.md}). Optional
 * fields that are unknown are omitted, never written as null.
 */
public final class JsonReportWriter implements ReportWriter {

  public static final String SCHEMA_VERSION = "rampart.report/v1";

  private static final JsonFactory COMPACT = new JsonFactory();

  private final Parallelism parallelism;

  public JsonReportWriter() {
    this(Parallelism.ofMachine());
  }

  JsonReportWriter(Parallelism parallelism) {
    this.parallelism = parallelism;
  }

  /**
   * One finding exactly as the report writes it, without indentation: the scan store keeps findings
   * one by one, so that a scan of a large cluster is never one document in memory.
   */
  public static String finding(Finding f) {
    StringWriter out = new StringWriter(1024);
    try (JsonGenerator g = COMPACT.createGenerator(out)) {
      finding(g, f, null);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a finding as JSON", e);
    }
    return out.toString();
  }

  @Override
  public void write(ScanResult result, ReportContext context, OutputStream out) throws IOException {
    JsonGenerator g = JsonOutput.open(out);
    g.writeStartObject();
    g.writeStringField("schemaVersion", SCHEMA_VERSION);
    g.writeObjectFieldStart("tool");
    g.writeStringField("name", "rampart");
    g.writeStringField("version", context.toolVersion());
    g.writeEndObject();
    scan(g, result);
    coverage(g, result.coverage());
    summary(g, result.summary());
    g.writeArrayFieldStart("findings");
    Baseline baseline = context.baseline();
    new ChunkedArray<Finding>((chunk, f) -> finding(chunk, f, baseline), parallelism)
        .write(g, out, result.findings());
    g.writeEndArray();
    g.writeArrayFieldStart("attackPaths");
    for (AttackPath p : result.attackPaths()) {
      AttackPathsOutput.path(g, p);
    }
    g.writeEndArray();
    strings(g, "attackPathBounds", result.attackPathBounds());
    g.writeArrayFieldStart("assetGroups");
    for (AssetGroupPosture a : result.assetGroups()) {
      assetGroup(g, a);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("exceptionsApplied");
    for (AppliedException e : result.exceptionsApplied()) {
      applied(g, e);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("exceptionsExpired");
    for (ExpiredException e : result.exceptionsExpired()) {
      expired(g, e);
    }
    g.writeEndArray();
    baseline(g, context.baseline());
    g.writeEndObject();
    JsonOutput.finish(g, out);
  }

  private static void assetGroup(JsonGenerator g, AssetGroupPosture a) throws IOException {
    g.writeStartObject();
    g.writeStringField("name", a.name());
    optional(g, "criticality", a.criticality());
    optional(g, "description", a.description());
    g.writeNumberField("objects", a.objects());
    g.writeObjectFieldStart("bySeverity");
    for (Severity s : Severity.values()) {
      g.writeNumberField(s.id(), a.bySeverity().getOrDefault(s.id(), 0));
    }
    g.writeEndObject();
    g.writeNumberField("score", a.score());
    strings(g, "attackPaths", a.attackPaths());
    g.writeEndObject();
  }

  private static void scan(JsonGenerator g, ScanResult r) throws IOException {
    g.writeObjectFieldStart("scan");
    g.writeStringField("id", r.id());
    optional(g, "startedAt", r.startedAt() == null ? null : r.startedAt().toString());
    g.writeNumberField("durationMs", r.durationMs());
    optional(g, "source", r.source());
    optional(g, "cluster", r.cluster());
    g.writeEndObject();
  }

  private static void coverage(JsonGenerator g, Coverage c) throws IOException {
    g.writeObjectFieldStart("coverage");
    g.writeNumberField("objects", c.objects());
    counts(g, "byKind", Display.sorted(c.byKind()));
    g.writeArrayFieldStart("notEvaluated");
    for (Coverage.NotEvaluated n : c.notEvaluated()) {
      g.writeStartObject();
      g.writeStringField("checkId", n.checkId());
      g.writeStringField("reason", n.reason());
      g.writeEndObject();
    }
    g.writeEndArray();
    problems(g, "errors", c.errors());
    problems(g, "warnings", c.warnings());
    g.writeArrayFieldStart("checks");
    for (CheckRun.Tally t : c.checks()) {
      g.writeStartObject();
      g.writeStringField("checkId", t.checkId());
      g.writeNumberField("passed", t.passed());
      g.writeNumberField("failed", t.failed());
      g.writeNumberField("notApplicable", t.notApplicable());
      strings(g, "notEvaluated", t.notEvaluated());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void problems(JsonGenerator g, String name, List<InputProblem> problems)
      throws IOException {
    g.writeArrayFieldStart(name);
    for (InputProblem p : problems) {
      g.writeStartObject();
      optional(g, "file", p.file());
      positive(g, "line", p.line());
      positive(g, "document", p.document());
      g.writeStringField("message", p.message());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void summary(JsonGenerator g, Summary s) throws IOException {
    g.writeObjectFieldStart("summary");
    g.writeObjectFieldStart("bySeverity");
    for (Map.Entry<Severity, Integer> e : Display.bySeverity(s).entrySet()) {
      g.writeNumberField(e.getKey().id(), e.getValue());
    }
    g.writeEndObject();
    counts(g, "byCategory", Display.byCategory(s));
    g.writeNumberField("score", s.score());
    g.writeEndObject();
  }

  private static void counts(JsonGenerator g, String name, Map<String, Integer> counts)
      throws IOException {
    g.writeObjectFieldStart(name);
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      g.writeNumberField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
  }

  /** Only with {@code --baseline}: what it was compared with and how many changed. */
  private static void baseline(JsonGenerator g, Baseline b) throws IOException {
    if (b == null) {
      return;
    }
    g.writeObjectFieldStart("baseline");
    g.writeStringField("against", b.against());
    g.writeNumberField("new", b.newFindings().size());
    g.writeNumberField("resolved", b.resolved());
    g.writeNumberField("unchanged", b.unchanged());
    g.writeEndObject();
  }

  private static void finding(JsonGenerator g, Finding f, Baseline baseline) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", f.id());
    g.writeStringField("checkId", f.checkId());
    g.writeStringField("title", f.title());
    g.writeStringField("severity", f.severity().id());
    g.writeStringField("category", f.category().id());
    g.writeNumberField("priority", f.priority());
    strings(g, "priorityReasons", f.priorityReasons());
    if (baseline != null) {
      g.writeBooleanField("new", baseline.isNew(f));
    }
    resource(g, f.resource());
    location(g, f.location());
    g.writeStringField("message", f.message());
    if (f.evidence() != null) {
      g.writeObjectFieldStart("evidence");
      optional(g, "path", f.evidence().path());
      optional(g, "value", f.evidence().value());
      g.writeEndObject();
    }
    strings(g, "frameworks", f.frameworks());
    if (f.remediation() != null) {
      g.writeObjectFieldStart("remediation");
      optional(g, "text", f.remediation().text());
      patch(g, f.remediation().patch());
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private static void resource(JsonGenerator g, Finding.Resource r) throws IOException {
    g.writeObjectFieldStart("resource");
    optional(g, "apiVersion", r.apiVersion());
    g.writeStringField("kind", r.kind());
    optional(g, "namespace", r.namespace());
    g.writeStringField("name", r.name());
    optional(g, "container", r.container());
    g.writeEndObject();
  }

  private static void location(JsonGenerator g, Finding.Location l) throws IOException {
    if (l == null || l.file() == null) {
      return;
    }
    g.writeObjectFieldStart("location");
    g.writeStringField("file", l.file());
    positive(g, "line", l.line());
    positive(g, "document", l.document());
    optional(g, "template", l.template());
    g.writeEndObject();
  }

  private static void patch(JsonGenerator g, Patch p) throws IOException {
    if (p == null) {
      return;
    }
    g.writeObjectFieldStart("patch");
    g.writeStringField("type", p.type());
    g.writeStringField("content", p.content());
    optional(g, "command", p.command());
    g.writeEndObject();
  }

  private static void applied(JsonGenerator g, AppliedException e) throws IOException {
    g.writeStartObject();
    g.writeStringField("findingId", e.findingId());
    g.writeStringField("checkId", e.checkId());
    g.writeStringField("resource", e.resource());
    optional(g, "container", e.container());
    optional(g, "reason", e.reason());
    optional(g, "source", e.source());
    optional(g, "expires", e.expires());
    g.writeEndObject();
  }

  private static void expired(JsonGenerator g, ExpiredException e) throws IOException {
    g.writeStartObject();
    g.writeStringField("checks", e.checks());
    optional(g, "scope", e.scope());
    optional(g, "reason", e.reason());
    optional(g, "source", e.source());
    g.writeStringField("expired", e.expired());
    g.writeEndObject();
  }
}
