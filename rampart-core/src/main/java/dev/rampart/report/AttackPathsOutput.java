package dev.rampart.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.rampart.graph.Asset;
import dev.rampart.graph.AttackPath;
import dev.rampart.graph.AttackPaths;
import dev.rampart.graph.Edge;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Attack paths rendered three ways: JSON objects (the report's {@code attackPaths[]} and {@code
 * rampart paths --format json}), Graphviz DOT, and text explained step by step.
 */
public final class AttackPathsOutput {

  private AttackPathsOutput() {}

  /** One path as the JSON report's contract has it ({@code docs/report-json.md}). */
  static void path(JsonGenerator g, AttackPath p) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", p.id());
    g.writeStringField("entry", p.entry().id());
    g.writeStringField("target", p.target().id());
    g.writeStringField("targetReason", p.targetReason());
    g.writeNumberField("length", p.length());
    g.writeNumberField("likelihood", Math.round(p.likelihood() * 1000) / 1000.0);
    g.writeNumberField("impact", p.impact());
    g.writeNumberField("score", p.score());
    g.writeArrayFieldStart("steps");
    for (AttackPath.Step s : p.steps()) {
      g.writeStartObject();
      g.writeStringField("from", s.from().id());
      g.writeStringField("to", s.to().id());
      g.writeStringField("edge", s.edge().type().name());
      JsonOutput.optional(g, "technique", technique(s.edge()));
      JsonOutput.strings(g, "evidence", s.edge().evidence());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /** {@code rampart paths --format json}: the paths, and what cut the search short. */
  public static void json(AttackPaths.Result result, OutputStream out) throws IOException {
    JsonGenerator g = JsonOutput.open(out);
    g.writeStartObject();
    g.writeArrayFieldStart("attackPaths");
    for (AttackPath p : result.paths()) {
      path(g, p);
    }
    g.writeEndArray();
    JsonOutput.strings(g, "bounds", result.bounds());
    g.writeEndObject();
    JsonOutput.finish(g, out);
  }

  /** The union of the paths as a Graphviz digraph; edge labels carry type and technique. */
  public static void dot(AttackPaths.Result result, PrintWriter out) {
    out.println("digraph attack_paths {");
    out.println("  rankdir=LR;");
    out.println("  node [shape=box, fontname=\"Helvetica\"];");
    Set<Asset> targets = new LinkedHashSet<>();
    Set<Asset> entries = new LinkedHashSet<>();
    Map<String, String> edges = new LinkedHashMap<>();
    for (AttackPath p : result.paths()) {
      targets.add(p.target());
      entries.add(p.entry());
      for (AttackPath.Step s : p.steps()) {
        String label = s.edge().type().name();
        String technique = technique(s.edge());
        if (technique != null) {
          label += " " + technique;
        }
        edges.putIfAbsent(
            quote(s.from().id()) + " -> " + quote(s.to().id()), "[label=" + quote(label) + "]");
      }
    }
    entries.forEach(
        e -> out.println("  " + quote(e.id()) + " [style=filled, fillcolor=\"#fde2e2\"];"));
    targets.forEach(
        t -> out.println("  " + quote(t.id()) + " [style=filled, fillcolor=\"#ffd166\"];"));
    edges.forEach((k, v) -> out.println("  " + k + " " + v + ";"));
    out.println("}");
  }

  /** Each path with its score, then each step with its technique and evidence. */
  public static void text(AttackPaths.Result result, PrintWriter out) {
    List<AttackPath> paths = result.paths();
    if (paths.isEmpty()) {
      out.println("No attack path from the entry points to the crown jewels.");
    } else {
      out.println(
          paths.size()
              + " attack paths, by score (likelihood times impact); the best path of each entry"
              + " point and foothold first");
    }
    int n = 1;
    for (AttackPath p : paths) {
      out.println();
      out.printf(
          Locale.ROOT,
          "%d. %s  (score %d, likelihood %.2f, impact %d: %s)%n",
          n++,
          p.describe(),
          p.score(),
          p.likelihood(),
          p.impact(),
          p.targetReason());
      for (AttackPath.Step s : p.steps()) {
        String technique = technique(s.edge());
        out.println(
            "   "
                + s.from().id()
                + " -"
                + s.edge().type().name()
                + (technique == null ? "" : " [" + technique + "]")
                + "-> "
                + s.to().id());
        for (String e : s.edge().evidence()) {
          out.println("       " + e);
        }
      }
    }
    for (String b : result.bounds()) {
      out.println();
      out.println("Note: the search was cut short: " + b + ".");
    }
  }

  /** {@code mitre:t1611}, the spelling of the findings' frameworks. */
  private static String technique(Edge e) {
    return e.technique() == null ? null : "mitre:" + e.technique().toLowerCase(Locale.ROOT);
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
