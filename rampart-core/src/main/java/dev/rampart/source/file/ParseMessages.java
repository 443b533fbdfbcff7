package dev.rampart.source.file;

import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Turns parser exceptions into one-line messages a person can act on: no class names, no source
 * snippets, and a plain statement of what limit was hit.
 */
final class ParseMessages {

  private static final Pattern LOCATION_SUFFIX =
      Pattern.compile("\\s*at \\[Source:.*", Pattern.DOTALL);

  private ParseMessages() {}

  static String clean(Throwable e) {
    String all = chain(e);
    if (all.contains("Number of aliases") || all.contains("aliases for non-scalar")) {
      return "too many YAML aliases (a \"billion laughs\" alias bomb?); the document is skipped";
    }
    if (all.contains("Nesting Depth")
        || all.contains("nesting depth")
        || all.contains("Nesting depth")) {
      return "nested too deeply; the document is skipped";
    }
    if (all.contains("Duplicate field") || all.contains("duplicate key")) {
      String key = between(all, "Duplicate field '", "'");
      return "duplicate key"
          + (key == null ? "" : " '" + key + "'")
          + " (Kubernetes rejects it; which value wins is undefined)";
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof MarkedYAMLException yaml && yaml.getProblem() != null) {
        String context = yaml.getContext() == null ? "" : yaml.getContext() + ": ";
        return context + yaml.getProblem();
      }
    }
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    message = LOCATION_SUFFIX.matcher(message).replaceAll("");
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).trim();
  }

  private static String chain(Throwable e) {
    StringBuilder sb = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      sb.append(t.getMessage()).append('\n');
    }
    return sb.toString();
  }

  private static String between(String s, String start, String end) {
    int i = s.indexOf(start);
    if (i < 0) {
      return null;
    }
    int j = s.indexOf(end, i + start.length());
    return j < 0 ? null : s.substring(i + start.length(), j);
  }
}
