package dev.rampart.report;

import dev.rampart.checks.CheckDescriptor;
import dev.rampart.checks.CheckRun;
import dev.rampart.checks.Finding;
import dev.rampart.scan.AppliedException;
import dev.rampart.scan.Coverage;
import dev.rampart.scan.ScanResult;
import dev.rampart.snapshot.InputProblem;
import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JUnit XML (the Ant schema that Jenkins, GitLab and most CI systems read): a test suite per check,
 * a failed test case per finding, a passing one for a check without findings, so that CI shows the
 * green checks too, and a suite {@code input} with an error per input that could not be parsed.
 *
 * <p>Accepted risks and checks that could not be evaluated are skipped test cases: neither a pass
 * nor a failure. Suite counts are counts of the test cases in the suite, as CI systems recount
 * them; the per-object tallies of the check go in the suite's properties.
 */
public final class JunitReportWriter implements ReportWriter {

  // The schema's timestamp has no zone; it is UTC.
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

  static final String INPUT_SUITE = "input";

  @Override
  public void write(ScanResult result, ReportContext context, OutputStream out) throws IOException {
    Suites suites = new Suites(result, context);
    XmlOut xml = XmlOut.open(out).declaration();
    xml.start("testsuites");
    int id = 0;
    for (String checkId : suites.checkIds()) {
      checkSuite(xml, id++, suites, checkId);
    }
    Coverage coverage = result.coverage();
    if (!coverage.errors().isEmpty() || !coverage.warnings().isEmpty()) {
      inputSuite(xml, id, suites, coverage);
    }
    xml.finish();
  }

  /** What the suites are made of, grouped by check. */
  private static final class Suites {
    final String timestamp;
    final String hostname;
    final Map<String, CheckDescriptor> catalog;
    final Map<String, CheckRun.Tally> tallies = new LinkedHashMap<>();
    final Map<String, List<Finding>> findings = new LinkedHashMap<>();
    final Map<String, List<AppliedException>> accepted = new LinkedHashMap<>();
    final Map<String, Set<String>> notEvaluated = new LinkedHashMap<>();

    Suites(ScanResult result, ReportContext context) {
      timestamp =
          result.startedAt() == null
              ? "1970-01-01T00:00:00"
              : TIMESTAMP.format(result.startedAt().truncatedTo(ChronoUnit.SECONDS));
      hostname =
          result.cluster() == null || result.cluster().isBlank() ? "localhost" : result.cluster();
      catalog = context.checksById();
      for (CheckRun.Tally t : result.coverage().checks()) {
        tallies.put(t.checkId(), t);
        notEvaluated(t.checkId()).addAll(t.notEvaluated());
      }
      for (Coverage.NotEvaluated n : result.coverage().notEvaluated()) {
        notEvaluated(n.checkId()).add(n.reason());
      }
      for (Finding f : result.findings()) {
        findings.computeIfAbsent(f.checkId(), k -> new ArrayList<>()).add(f);
      }
      for (AppliedException e : result.exceptionsApplied()) {
        accepted.computeIfAbsent(e.checkId(), k -> new ArrayList<>()).add(e);
      }
    }

    private Set<String> notEvaluated(String checkId) {
      return notEvaluated.computeIfAbsent(checkId, k -> new LinkedHashSet<>());
    }

    /** The checks that ran, in order, then any other check a finding or exception names. */
    Set<String> checkIds() {
      Set<String> ids = new LinkedHashSet<>(tallies.keySet());
      ids.addAll(findings.keySet());
      ids.addAll(notEvaluated.keySet());
      ids.addAll(accepted.keySet());
      return ids;
    }
  }

  private static void checkSuite(XmlOut xml, int id, Suites suites, String checkId)
      throws IOException {
    List<Finding> findings = suites.findings.getOrDefault(checkId, List.of());
    List<AppliedException> accepted = suites.accepted.getOrDefault(checkId, List.of());
    Set<String> notEvaluated = suites.notEvaluated.getOrDefault(checkId, Set.of());
    CheckRun.Tally tally = suites.tallies.get(checkId);
    CheckDescriptor d = suites.catalog.get(checkId);
    Finding first = findings.isEmpty() ? null : findings.get(0);
    boolean evaluatedSomething = tally != null && tally.passed() > 0;
    boolean green = findings.isEmpty() && (notEvaluated.isEmpty() || evaluatedSomething);
    int skipped = accepted.size() + (notEvaluated.isEmpty() ? 0 : 1);
    int tests = findings.size() + skipped + (green ? 1 : 0);

    String category =
        d != null ? d.category().id() : first != null ? first.category().id() : "unknown";
    suiteStart(xml, checkId, "rampart." + category, id, suites);
    xml.attr("tests", tests).attr("failures", findings.size()).attr("errors", 0);
    xml.attr("skipped", skipped).attr("time", "0");
    xml.start("properties");
    if (d != null || first != null) {
      property(xml, "title", d != null ? d.title() : first.title());
      property(xml, "severity", (d != null ? d.severity() : first.severity()).id());
      property(xml, "category", category);
    }
    if (tally != null) {
      property(xml, "objects.passed", Integer.toString(tally.passed()));
      property(xml, "objects.failed", Integer.toString(tally.failed()));
      property(xml, "objects.notApplicable", Integer.toString(tally.notApplicable()));
    }
    xml.end();
    for (Finding f : findings) {
      testcase(xml, checkId, Display.resource(f.resource()));
      xml.start("failure").attr("message", f.message()).attr("type", f.severity().id());
      xml.text(details(f)).end();
      xml.end();
    }
    for (AppliedException e : accepted) {
      String name = e.container() == null ? e.resource() : e.resource() + ":" + e.container();
      testcase(xml, checkId, name);
      xml.empty("skipped").attr("message", acceptedRisk(e));
      xml.end();
    }
    if (!notEvaluated.isEmpty()) {
      testcase(xml, checkId, "not evaluated");
      xml.empty("skipped").attr("message", String.join("; ", notEvaluated));
      xml.end();
    }
    if (green) {
      testcase(xml, checkId, "no findings").end();
    }
    xml.element("system-out", "").element("system-err", "");
    xml.end();
  }

  private static void inputSuite(XmlOut xml, int id, Suites suites, Coverage coverage)
      throws IOException {
    int tests = coverage.errors().size() + coverage.warnings().size();
    suiteStart(xml, INPUT_SUITE, "rampart." + INPUT_SUITE, id, suites);
    xml.attr("tests", tests).attr("failures", 0).attr("errors", coverage.errors().size());
    xml.attr("skipped", coverage.warnings().size()).attr("time", "0");
    xml.start("properties").end();
    for (InputProblem p : coverage.errors()) {
      testcase(xml, INPUT_SUITE, Display.place(p));
      xml.start("error").attr("message", p.message()).attr("type", "input-error");
      xml.text(p.describe()).end();
      xml.end();
    }
    for (InputProblem p : coverage.warnings()) {
      testcase(xml, INPUT_SUITE, Display.place(p));
      xml.empty("skipped").attr("message", p.message());
      xml.end();
    }
    xml.element("system-out", "").element("system-err", "");
    xml.end();
  }

  private static void suiteStart(XmlOut xml, String name, String pkg, int id, Suites suites)
      throws IOException {
    xml.start("testsuite").attr("name", name).attr("package", pkg).attr("id", id);
    xml.attr("timestamp", suites.timestamp).attr("hostname", suites.hostname);
  }

  private static XmlOut testcase(XmlOut xml, String classname, String name) throws IOException {
    return xml.start("testcase").attr("classname", classname).attr("name", name).attr("time", "0");
  }

  private static void property(XmlOut xml, String name, String value) throws IOException {
    xml.empty("property").attr("name", name).attr("value", value);
  }

  /** The failure's body: everything needed to act on the finding without opening another report. */
  static String details(Finding f) {
    StringBuilder sb = new StringBuilder();
    sb.append(f.title()).append('\n');
    sb.append("Severity: ").append(f.severity().id());
    sb.append(", priority ").append(f.priority()).append('\n');
    sb.append("Resource: ").append(Display.resource(f.resource())).append('\n');
    String location = Display.locationWithTemplate(f.location());
    if (location != null) {
      sb.append("Location: ").append(location).append('\n');
    }
    sb.append("Message: ").append(f.message()).append('\n');
    if (f.evidence() != null && f.evidence().path() != null) {
      sb.append("Evidence: ").append(f.evidence().path());
      if (f.evidence().value() != null) {
        sb.append(" = ").append(f.evidence().value());
      }
      sb.append('\n');
    }
    if (!f.priorityReasons().isEmpty()) {
      sb.append("Priority reasons: ").append(String.join("; ", f.priorityReasons())).append('\n');
    }
    if (f.remediation() != null) {
      if (f.remediation().text() != null) {
        sb.append("Remediation: ").append(f.remediation().text()).append('\n');
      }
      if (f.remediation().patch() != null && f.remediation().patch().command() != null) {
        sb.append("Fix: ").append(f.remediation().patch().command()).append('\n');
      }
    }
    if (!f.frameworks().isEmpty()) {
      sb.append("Frameworks: ").append(String.join(", ", f.frameworks())).append('\n');
    }
    sb.append("Finding: ").append(f.id());
    return sb.toString();
  }

  private static String acceptedRisk(AppliedException e) {
    StringBuilder sb = new StringBuilder("accepted risk");
    if (e.reason() != null) {
      sb.append(": ").append(e.reason());
    }
    if (e.source() != null) {
      sb.append(" (").append(e.source());
      if (e.expires() != null) {
        sb.append(", expires ").append(e.expires());
      }
      sb.append(')');
    }
    return sb.toString();
  }
}
