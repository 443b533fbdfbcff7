package dev.rampart.snapshot;

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
}
