package dev.rampart.snapshot;

import java.util.Objects;

/**
 * Where an object came from: the file (or another source such as {@code demo:} or {@code live}),
 * the 1-based document index in that file, the 1-based line where the object starts, and, for
 * rendered Helm or Kustomize output, the template that produced it.
 */
public record Origin(String file, int document, int line, String template) {

  public static final Origin UNKNOWN = new Origin(null, 0, 0, null);

  public boolean hasFile() {
    return file != null;
  }

  public Origin withTemplate(String newTemplate) {
    return new Origin(file, document, line, newTemplate);
  }

  @Override
  public String toString() {
    if (file == null) {
      return "<cluster>";
    }
    return line > 0 ? file + ":" + line : file;
  }

  // Written out, with the values a record's own would give: those dispatch through method handles
  // that the quick (C1) compiler a one-shot scan runs on does not inline, and every object's hash
  // includes its origin.
  @Override
  public boolean equals(Object other) {
    return other instanceof Origin o
        && document == o.document
        && line == o.line
        && Objects.equals(file, o.file)
        && Objects.equals(template, o.template);
  }

  @Override
  public int hashCode() {
    int h = Objects.hashCode(file);
    h = 31 * h + Integer.hashCode(document);
    h = 31 * h + Integer.hashCode(line);
    return 31 * h + Objects.hashCode(template);
  }
}
