package dev.rampart.report;

import dev.rampart.checks.Finding;
import dev.rampart.checks.Severity;
import dev.rampart.graph.AttackPath;
import dev.rampart.scan.AppliedException;
import dev.rampart.scan.Coverage;
import dev.rampart.scan.ExpiredException;
import dev.rampart.scan.ScanResult;
import dev.rampart.snapshot.InputProblem;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report for people, on a terminal: a header, the counts, the findings grouped by severity and,
 * within a severity, by priority, then what was not evaluated, input problems and exceptions. Lines
 * wrap at {@link ReportContext#width()}; ANSI colours only when {@link ReportContext#colour()}.
 */
public final class TableReportWriter implements ReportWriter {

  private static final String RESET = "\u001b[0m";
  private static final String BOLD = "\u001b[1m";
  private static final String RED = "\u001b[31m";
  private static final String BOLD_RED = "\u001b[1;31m";
  private static final String YELLOW = "\u001b[33m";
  private static final String CYAN = "\u001b[36m";
  private static final String DIM = "\u001b[2m";

  /** {@code " 95 critical "}: the columns before a finding's text. */
  private static final int FINDING_INDENT = 17;

  private static final int SECTION_INDENT = 2;

  @Override
  public void write(ScanResult result, ReportContext context, OutputStream out) throws IOException {
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    Printer p = new Printer(w, context);
    header(p, result, context);
    findings(p, result, context.top(), context.baseline());
    attackPaths(p, result);
    notEvaluated(p, result.coverage());
    problems(p, "Input errors", RED, result.coverage().errors());
    problems(p, "Input warnings", YELLOW, result.coverage().warnings());
    applied(p, result.exceptionsApplied());
    expired(p, result.exceptionsExpired());
    w.flush();
  }

  private static void header(Printer p, ScanResult r, ReportContext context) throws IOException {
    p.line(p.paint("Rampart " + context.toolVersion(), BOLD));
    p.field("Scan", r.id());
    String source = r.source() == null ? "-" : r.source();
    if (r.cluster() != null) {
      source += " (cluster " + r.cluster() + ")";
    }
    p.field("Source", source);
    if (r.startedAt() != null) {
      p.field("Started", r.startedAt() + ", took " + duration(r.durationMs()));
    }
    p.field("Objects", Integer.toString(r.coverage().objects()));
    p.field("Score", r.summary().score() + "/100");
    StringBuilder counts = new StringBuilder();
    for (Map.Entry<Severity, Integer> e : Display.bySeverity(r.summary()).entrySet()) {
      String count = e.getValue() + " " + e.getKey().id();
      counts.append(counts.length() == 0 ? "" : ", ");
      counts.append(e.getValue() > 0 ? p.paint(count, colour(e.getKey())) : count);
    }
    // Already printable: the counts are ours, only the colour codes are not plain text.
    p.line(pad("Findings:", 10) + counts);
    Baseline b = context.baseline();
    if (b != null) {
      p.field(
          "Baseline",
          b.against()
              + ": "
              + b.newFindings().size()
              + " new (marked NEW), "
              + b.resolved()
              + " resolved, "
              + b.unchanged()
              + " unchanged");
    }
  }

  private static void findings(Printer p, ScanResult r, int top, Baseline baseline)
      throws IOException {
    List<Finding> findings = r.findings();
    p.blank();
    if (findings.isEmpty()) {
      p.line("No findings.");
      return;
    }
    int shown = 0;
    for (Severity s : Severity.values()) {
      if (top > 0 && shown >= top) {
        break;
      }
      int inGroup = 0;
      for (Finding f : findings) {
        if (f.severity() != s) {
          continue;
        }
        if (top > 0 && shown >= top) {
          break;
        }
        if (inGroup++ == 0) {
          long total = findings.stream().filter(x -> x.severity() == s).count();
          if (shown > 0) {
            p.blank();
          }
          p.line(p.paint(s.name() + " (" + total + ")", BOLD + colour(s)));
        }
        finding(p, f, baseline != null && baseline.isNew(f));
        shown++;
      }
    }
    if (shown < findings.size()) {
      p.blank();
      int more = findings.size() - shown;
      p.line(
          "Showing the first "
              + shown
              + " of "
              + findings.size()
              + " findings; "
              + more
              + (more == 1 ? " more is" : " more are")
              + " not shown.");
    }
  }

  private static void finding(Printer p, Finding f, boolean isNew) throws IOException {
    String prefix =
        "  "
            + pad(Integer.toString(f.priority()), -3)
            + "  "
            + p.paint(pad(f.severity().id(), 8), colour(f.severity()))
            + "  ";
    String head = (isNew ? "NEW  " : "") + f.checkId() + "  " + Display.resource(f.resource());
    String location = Display.locationWithTemplate(f.location());
    if (location != null) {
      head += "  " + location;
    }
    p.wrapped(prefix, FINDING_INDENT, head);
    String indent = " ".repeat(FINDING_INDENT);
    p.wrapped(indent, FINDING_INDENT, f.message());
    if (!f.priorityReasons().isEmpty()) {
      p.wrapped(indent, FINDING_INDENT, "priority: " + String.join("; ", f.priorityReasons()));
    }
  }

  /**
   * The first {@link Display#PATHS_SHOWN} attack paths, each step on one line: the relationship,
   * its MITRE ATT&amp;CK technique, where it leads and its evidence. {@code rampart paths} prints
   * them all with every piece of evidence.
   */
  private static void attackPaths(Printer p, ScanResult r) throws IOException {
    List<AttackPath> paths = r.attackPaths();
    if (paths.isEmpty()) {
      return;
    }
    p.section("Attack paths", BOLD_RED, paths.size());
    int n = 0;
    for (AttackPath a : paths) {
      if (n == Display.PATHS_SHOWN) {
        break;
      }
      n++;
      p.item(n + ". " + Display.pathHeadline(a));
      for (AttackPath.Step s : a.steps()) {
        p.wrapped(" ".repeat(PATH_STEP_INDENT), PATH_STEP_INDENT + 2, Display.step(s));
      }
    }
    if (n < paths.size()) {
      p.blank();
      p.item(
          "Showing the first "
              + n
              + " of "
              + paths.size()
              + " attack paths; rampart paths lists them all with their evidence.");
    }
    for (String b : r.attackPathBounds()) {
      p.item("Note: the search was cut short: " + b + ".");
    }
  }

  private static final int PATH_STEP_INDENT = 7;

  private static void notEvaluated(Printer p, Coverage coverage) throws IOException {
    if (coverage.notEvaluated().isEmpty()) {
      return;
    }
    p.section("Not evaluated", YELLOW, coverage.notEvaluated().size());
    for (Coverage.NotEvaluated n : coverage.notEvaluated()) {
      p.item(n.checkId() + ": " + n.reason());
    }
  }

  private static void problems(Printer p, String title, String colour, List<InputProblem> list)
      throws IOException {
    if (list.isEmpty()) {
      return;
    }
    p.section(title, colour, list.size());
    for (InputProblem problem : list) {
      p.item(Display.place(problem) + ": " + problem.message());
    }
  }

  private static void applied(Printer p, List<AppliedException> applied) throws IOException {
    if (applied.isEmpty()) {
      return;
    }
    p.section("Exceptions applied", null, applied.size());
    for (AppliedException e : applied) {
      String resource = e.container() == null ? e.resource() : e.resource() + ":" + e.container();
      StringBuilder sb = new StringBuilder(e.checkId()).append("  ").append(resource);
      if (e.reason() != null) {
        sb.append("  ").append(e.reason());
      }
      List<String> where = new ArrayList<>();
      if (e.source() != null) {
        where.add(e.source());
      }
      if (e.expires() != null) {
        where.add("expires " + e.expires());
      }
      if (!where.isEmpty()) {
        sb.append(" (").append(String.join(", ", where)).append(')');
      }
      p.item(sb.toString());
    }
  }

  private static void expired(Printer p, List<ExpiredException> expired) throws IOException {
    if (expired.isEmpty()) {
      return;
    }
    p.section("Expired exceptions, no longer applied", YELLOW, expired.size());
    for (ExpiredException e : expired) {
      StringBuilder sb = new StringBuilder(e.checks());
      if (e.scope() != null) {
        sb.append("  ").append(e.scope());
      }
      if (e.reason() != null) {
        sb.append("  ").append(e.reason());
      }
      sb.append(" (");
      if (e.source() != null) {
        sb.append(e.source()).append(", ");
      }
      sb.append("expired ").append(e.expired()).append(')');
      p.item(sb.toString());
    }
  }

  private static String colour(Severity s) {
    return switch (s) {
      case CRITICAL -> BOLD_RED;
      case HIGH -> RED;
      case MEDIUM -> YELLOW;
      case LOW -> CYAN;
      case INFO -> DIM;
    };
  }

  private static String duration(long ms) {
    return ms < 1000 ? ms + " ms" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
  }

  /** Left-aligned in {@code width} columns, or right-aligned when {@code width} is negative. */
  private static String pad(String s, int width) {
    return String.format(Locale.ROOT, "%" + (width < 0 ? "" : "-") + Math.abs(width) + "s", s);
  }

  /**
   * Text safe to print on a terminal: a name, label or annotation could carry escape sequences that
   * move the cursor, clear the screen or hide text, or bidirectional overrides that reorder what is
   * shown. Line breaks and tabs become spaces so that wrapping stays right.
   */
  static String printable(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      char replacement;
      if (c == '\n' || c == '\r' || c == '\t') {
        replacement = ' ';
      } else if (Character.isISOControl(c)
          || (c >= '\u202A' && c <= '\u202E')
          || (c >= '\u2066' && c <= '\u2069')) {
        replacement = '?';
      } else {
        if (sb != null) {
          sb.append(c);
        }
        continue;
      }
      if (sb == null) {
        sb = new StringBuilder(s.length()).append(s, 0, i);
      }
      sb.append(replacement);
    }
    return sb == null ? s : sb.toString();
  }

  /**
   * Breaks {@code text} into lines of at most {@code width} characters at spaces, keeping the
   * spaces between words that stay on one line; a word longer than a line is cut.
   */
  static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    // Each token is a word with the spaces that follow it.
    for (String token : text.strip().split("(?<= )(?=[^ ])")) {
      String word = token.stripTrailing();
      if (line.length() > 0 && line.length() + word.length() > width) {
        lines.add(line.toString().stripTrailing());
        line.setLength(0);
      }
      while (line.length() == 0 && word.length() > width) {
        lines.add(word.substring(0, width));
        word = word.substring(width);
      }
      line.append(word).append(token, token.stripTrailing().length(), token.length());
    }
    if (line.length() > 0 || lines.isEmpty()) {
      lines.add(line.toString().stripTrailing());
    }
    return lines;
  }

  /** Writes lines of the table, wrapping them and painting them when colour is on. */
  private static final class Printer {
    private final Writer w;
    private final boolean colour;
    private final int width;

    Printer(Writer w, ReportContext context) {
      this.w = w;
      this.colour = context.colour();
      this.width = context.width();
    }

    String paint(String text, String code) {
      return colour && code != null ? code + text + RESET : text;
    }

    void line(String text) throws IOException {
      w.write(text);
      w.write('\n');
    }

    void blank() throws IOException {
      w.write('\n');
    }

    /** {@code Label: value}, the value wrapped under itself. */
    void field(String label, String value) throws IOException {
      wrapped(pad(label + ":", 10), 10, value);
    }

    void section(String title, String code, int count) throws IOException {
      blank();
      line(paint(title + " (" + count + ")", code == null ? BOLD : BOLD + code));
    }

    void item(String text) throws IOException {
      List<String> lines = wrap(printable(text), width - SECTION_INDENT - 2);
      for (int i = 0; i < lines.size(); i++) {
        line(" ".repeat(i == 0 ? SECTION_INDENT : SECTION_INDENT + 2) + lines.get(i));
      }
    }

    /**
     * The first line starts with {@code prefix} (which may hold colour codes), every line after
     * with {@code indent} spaces; the text wraps in the columns left.
     */
    void wrapped(String prefix, int indent, String text) throws IOException {
      List<String> lines = wrap(printable(text), width - indent);
      for (int i = 0; i < lines.size(); i++) {
        line((i == 0 ? prefix : " ".repeat(indent)) + lines.get(i));
      }
    }
  }
}
