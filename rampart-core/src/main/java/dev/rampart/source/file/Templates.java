package dev.rampart.source.file;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The template that rendered an object, when the input is rendered output: Helm writes a {@code #
 * Source: chart/templates/x.yaml} comment before each document; Kustomize, when asked to ({@code
 * buildMetadata: [originAnnotations]}), an annotation naming the file it took the object from.
 */
final class Templates {

  private static final String KUSTOMIZE_ORIGIN = "config.kubernetes.io/origin";

  private static final Pattern ORIGIN_FIELD =
      Pattern.compile("(?m)^(path|configuredIn):[ \\t]*['\"]?([^'\"\\s]+)");

  private Templates() {}

  /**
   * @param helmSource the document's {@code # Source:} comment, or null
   * @return the template, or null when the object was not rendered (or nothing says so)
   */
  static String of(String helmSource, HasMetadata object) {
    if (helmSource != null) {
      return helmSource;
    }
    Map<String, String> annotations = object.getMetadata().getAnnotations();
    String origin = annotations == null ? null : annotations.get(KUSTOMIZE_ORIGIN);
    if (origin == null) {
      return null;
    }
    // "path: base/deploy.yaml" for a resource; "configuredIn: kustomization.yaml" for what a
    // generator made.
    String configuredIn = null;
    Matcher field = ORIGIN_FIELD.matcher(origin);
    while (field.find()) {
      if (field.group(1).equals("path")) {
        return field.group(2);
      }
      configuredIn = field.group(2);
    }
    return configuredIn;
  }
}
