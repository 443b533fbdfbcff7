package dev.rampart.report;

import dev.rampart.checks.Category;
import dev.rampart.checks.Finding;
import dev.rampart.checks.Severity;
import dev.rampart.graph.AttackPath;
import dev.rampart.scan.Summary;
import dev.rampart.snapshot.InputProblem;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** How every report names a resource or a location, and orders the summary counts. */
final class Display {

  private Display() {}

  /** {@code Kind/namespace/name}, or {@code Kind/name} for a cluster-scoped object. */
  static String object(Finding.Resource r) {
    return r.namespace() == null
        ? r.kind() + "/" + r.name()
        : r.kind() + "/" + r.namespace() + "/" + r.name();
  }

  /** {@link #object} with {@code :container} when the finding is about one container. */
  static String resource(Finding.Resource r) {
    return r.container() == null ? object(r) : object(r) + ":" + r.container();
  }

  /** {@code file:line}, the form editors and CI logs link to; null when the location is unknown. */
  static String location(Finding.Location l) {
    if (l == null || l.file() == null) {
      return null;
    }
    return l.line() > 0 ? l.file() + ":" + l.line() : l.file();
  }

  /** {@link #location} and, for rendered Helm or Kustomize output, the template. */
  static String locationWithTemplate(Finding.Location l) {
    String at = location(l);
    return at == null || l.template() == null ? at : at + " (template " + l.template() + ")";
  }

  /** {@code file:line (document n)} of an input problem, without its message. */
  static String place(InputProblem p) {
    StringBuilder sb = new StringBuilder(p.file() == null ? "<input>" : p.file());
    if (p.line() > 0) {
      sb.append(':').append(p.line());
    }
    if (p.document() > 0) {
      sb.append(" (document ").append(p.document()).append(')');
    }
    return sb.toString();
  }

  /** Every severity, most severe first, with 0 where the summary has none. */
  static Map<Severity, Integer> bySeverity(Summary summary) {
    Map<Severity, Integer> counts = new LinkedHashMap<>();
    for (Severity s : Severity.values()) {
      counts.put(s, summary.bySeverity().getOrDefault(s.id(), 0));
    }
    return counts;
  }

  /**
   * Every category in the order of DESIGN section 2, with 0 where the summary has none, then any
   * other key the summary holds, sorted.
   */
  static Map<String, Integer> byCategory(Summary summary) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Category c : Category.values()) {
      counts.put(c.id(), summary.byCategory().getOrDefault(c.id(), 0));
    }
    new TreeMap<>(summary.byCategory()).forEach(counts::putIfAbsent);
    return counts;
  }

  /** The title of a category id, or the id itself when it is not one of ours. */
  static String categoryTitle(String id) {
    for (Category c : Category.values()) {
      if (c.id().equals(id)) {
        return c.title();
      }
    }
    return id;
  }

  /** Map keys sorted, so that the same scan renders the same bytes. */
  static <V> Map<String, V> sorted(Map<String, V> map) {
    return new TreeMap<>(map);
  }

  /** How many attack paths the table and HTML reports show; the JSON report has them all. */
  static final int PATHS_SHOWN = 10;

  /** How many pieces of a step's evidence the table and HTML reports show. */
  static final int EVIDENCE_SHOWN = 2;

  /** {@code score 46 (likelihood 0.57, impact 80: asset group payments): internet → ...}. */
  static String pathHeadline(AttackPath p) {
    return String.format(
        java.util.Locale.ROOT,
        "score %d (likelihood %.2f, impact %d: %s): %s",
        p.score(),
        p.likelihood(),
        p.impact(),
        p.targetReason(),
        p.describe());
  }

  /** {@code EXPOSES [mitre:t1190] → Deployment/storefront/frontend: evidence; evidence}. */
  static String step(AttackPath.Step s) {
    StringBuilder sb = new StringBuilder(s.edge().type().name());
    if (s.edge().technique() != null) {
      sb.append(" [mitre:").append(s.edge().technique().toLowerCase(java.util.Locale.ROOT));
      sb.append(']');
    }
    sb.append(" → ").append(s.to().id());
    String evidence = evidence(s);
    return evidence.isEmpty() ? sb.toString() : sb.append(": ").append(evidence).toString();
  }

  /** The first {@link #EVIDENCE_SHOWN} pieces of evidence, and how many more there are. */
  static String evidence(AttackPath.Step s) {
    java.util.List<String> all = s.edge().evidence();
    java.util.List<String> shown = all.stream().limit(EVIDENCE_SHOWN).map(String::strip).toList();
    String text = String.join("; ", shown);
    return all.size() > shown.size() ? text + " (+" + (all.size() - shown.size()) + " more)" : text;
  }
}
