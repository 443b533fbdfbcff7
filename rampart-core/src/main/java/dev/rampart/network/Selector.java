package dev.rampart.network;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A label selector with the semantics of {@code metav1.LabelSelector}: every {@code matchLabels}
 * pair and every {@code matchExpressions} requirement must hold; an empty selector selects
 * everything.
 *
 * <p>A requirement the API server would reject (an unknown operator, {@code In} without values,
 * {@code Exists} with values) makes the selector select nothing, and {@link #problem()} says why:
 * such a policy cannot exist in a cluster, and guessing what it meant would be worse.
 */
public final class Selector {

  /** Selects everything. */
  public static final Selector ALL = new Selector(Map.of(), List.of(), null);

  /** One {@code matchExpressions} entry. */
  public record Requirement(String key, String operator, Set<String> values) {

    public Requirement {
      values = Set.copyOf(values);
    }

    boolean matches(Map<String, String> labels) {
      String value = labels.get(key);
      return switch (operator) {
        case "In" -> value != null && values.contains(value);
        case "NotIn" -> value == null || !values.contains(value);
        case "Exists" -> value != null;
        case "DoesNotExist" -> value == null;
        default -> false;
      };
    }

    String describe() {
      List<String> sorted = values.stream().sorted().toList();
      return switch (operator) {
        case "In" -> key + " in (" + String.join(", ", sorted) + ")";
        case "NotIn" -> key + " notin (" + String.join(", ", sorted) + ")";
        case "Exists" -> key;
        case "DoesNotExist" -> "!" + key;
        default -> key + " " + operator + " " + sorted;
      };
    }
  }

  private final Map<String, String> labels;
  private final List<Requirement> requirements;
  private final String problem;

  private Selector(Map<String, String> labels, List<Requirement> requirements, String problem) {
    this.labels = labels;
    this.requirements = requirements;
    this.problem = problem;
  }

  /** The selector of a fabric8 {@link LabelSelector}; {@code null} becomes {@link #ALL}. */
  public static Selector of(LabelSelector selector) {
    if (selector == null) {
      return ALL;
    }
    Map<String, String> labels =
        selector.getMatchLabels() == null ? Map.of() : new TreeMap<>(selector.getMatchLabels());
    List<Requirement> requirements = new ArrayList<>();
    String problem = null;
    if (selector.getMatchExpressions() != null) {
      for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
        List<String> values = r.getValues() == null ? List.of() : r.getValues();
        String op = r.getOperator() == null ? "" : r.getOperator();
        String invalid = validate(r.getKey(), op, values);
        if (invalid != null && problem == null) {
          problem = invalid;
        }
        requirements.add(
            new Requirement(r.getKey() == null ? "" : r.getKey(), op, Set.copyOf(values)));
      }
    }
    return new Selector(labels, List.copyOf(requirements), problem);
  }

  public static Selector ofLabels(Map<String, String> labels) {
    return new Selector(new TreeMap<>(labels), List.of(), null);
  }

  private static String validate(String key, String op, List<String> values) {
    if (key == null || key.isEmpty()) {
      return "a matchExpressions entry has no key";
    }
    return switch (op) {
      case "In", "NotIn" ->
          values.isEmpty() ? "operator " + op + " on " + key + " needs values" : null;
      case "Exists", "DoesNotExist" ->
          values.isEmpty() ? null : "operator " + op + " on " + key + " takes no values";
      default -> "unknown operator \"" + op + "\" on " + key;
    };
  }

  public boolean matches(Map<String, String> target) {
    if (problem != null) {
      return false;
    }
    for (Map.Entry<String, String> e : labels.entrySet()) {
      if (!e.getValue().equals(target.get(e.getKey()))) {
        return false;
      }
    }
    for (Requirement r : requirements) {
      if (!r.matches(target)) {
        return false;
      }
    }
    return true;
  }

  /** Whether this selector has no terms, and so selects everything. */
  public boolean isEmpty() {
    return labels.isEmpty() && requirements.isEmpty() && problem == null;
  }

  /** Why the API server would reject this selector, or null. */
  public String problem() {
    return problem;
  }

  /** {@code app=web, tier in (a, b)}, the notation of {@code kubectl get -l}. */
  public String describe() {
    if (isEmpty()) {
      return "all";
    }
    List<String> terms = new ArrayList<>();
    labels.forEach((k, v) -> terms.add(k + "=" + v));
    requirements.forEach(r -> terms.add(r.describe()));
    return String.join(", ", terms);
  }

  @Override
  public String toString() {
    return describe();
  }
}
