package dev.rampart.checks;

import java.util.List;

/**
 * The check reference in Markdown, generated from the checks' metadata so that it cannot drift from
 * the code ({@code docs/checks.md}; a test fails when the committed file is stale).
 */
public final class CatalogDocs {

  private CatalogDocs() {}

  public static String markdown(List<CheckDescriptor> checks) {
    StringBuilder md = new StringBuilder();
    md.append("# Rampart checks\n\n")
        .append("Generated from the checks' metadata (`rampart checks --format markdown`);")
        .append(" do not edit by hand.\n\n")
        .append("| id | title | severity | category |\n|---|---|---|---|\n");
    for (CheckDescriptor d : checks) {
      md.append("| [`")
          .append(d.id())
          .append("`](#")
          .append(d.id())
          .append(") | ")
          .append(d.title())
          .append(" | ")
          .append(d.severity().id())
          .append(" | ")
          .append(d.category().id())
          .append(" |\n");
    }
    for (CheckDescriptor d : checks) {
      md.append("\n## ").append(d.id()).append("\n\n");
      md.append("**").append(d.title()).append("** — severity `").append(d.severity().id());
      md.append("`, category `").append(d.category().id()).append("`\n\n");
      md.append("Frameworks: ")
          .append(String.join(", ", d.frameworks().stream().map(f -> "`" + f + "`").toList()))
          .append("\n\n");
      md.append("**Why it matters.** ").append(d.why()).append("\n\n");
      md.append("**Remediation.** ").append(d.remediation()).append("\n");
      if (!d.notes().isEmpty()) {
        md.append("\n**Notes.** ").append(d.notes()).append("\n");
      }
    }
    return md.toString();
  }
}
