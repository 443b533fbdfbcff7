package dev.rampart.rbac;

import dev.rampart.snapshot.KubeObject;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.rbac.AggregationRule;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves ClusterRoles as the cluster-role aggregation controller does: an aggregated role gets
 * the rules of every ClusterRole one of its {@code clusterRoleSelectors} selects, transitively
 * (admin selects edit, which selects view).
 *
 * <p>A live cluster stores the controller's result in the aggregated role's rules; a manifest
 * usually does not. The role's own rules are therefore kept alongside the selected ones: on a live
 * snapshot they are the same rules, and in manifests they make the analysis err on the side of
 * reporting (the controller would replace them on apply).
 */
final class Aggregation {

  private final Map<String, KubeObject> byName = new HashMap<>();
  private final List<KubeObject> sorted;
  private final Map<String, Role> resolved = new HashMap<>();
  private final Set<String> resolving = new HashSet<>();

  private Aggregation(List<KubeObject> clusterRoles) {
    for (KubeObject o : clusterRoles) {
      byName.putIfAbsent(o.name(), o);
    }
    this.sorted = byName.values().stream().sorted(Comparator.comparing(KubeObject::name)).toList();
  }

  /** Every ClusterRole of the snapshot, resolved, by name. */
  static Map<String, Role> resolve(List<KubeObject> clusterRoles) {
    Aggregation a = new Aggregation(clusterRoles);
    for (KubeObject o : a.sorted) {
      a.role(o.name());
    }
    return a.resolved;
  }

  private Role role(String name) {
    Role done = resolved.get(name);
    if (done != null) {
      return done;
    }
    KubeObject o = byName.get(name);
    ClusterRole cr = o.resource() instanceof ClusterRole c ? c : null;
    List<Rule> own = cr == null ? List.of() : rules(cr.getRules(), name);
    AggregationRule aggregation = cr == null ? null : cr.getAggregationRule();
    if (aggregation == null
        || aggregation.getClusterRoleSelectors() == null
        || !resolving.add(name)) {
      // Not aggregated, or a cycle of aggregated roles: stop at the stored rules.
      Role role = new Role(Role.CLUSTER_ROLE, null, name, o, own, List.of());
      if (!resolving.contains(name)) {
        resolved.put(name, role);
      }
      return role;
    }
    List<Rule> rules = new ArrayList<>();
    Set<RuleKey> seen = new HashSet<>();
    List<String> from = new ArrayList<>();
    for (KubeObject candidate : sorted) {
      if (candidate.name().equals(name)
          || !selectedByAny(aggregation.getClusterRoleSelectors(), candidate.labels())) {
        continue;
      }
      from.add(candidate.name());
      for (Rule r : role(candidate.name()).rules()) {
        if (seen.add(RuleKey.of(r))) {
          rules.add(r);
        }
      }
    }
    // Rules the role stores that no component accounts for (all of them, in most manifests).
    for (Rule r : own) {
      if (seen.add(RuleKey.of(r))) {
        rules.add(r);
      }
    }
    resolving.remove(name);
    Role role = new Role(Role.CLUSTER_ROLE, null, name, o, List.copyOf(rules), from);
    resolved.put(name, role);
    return role;
  }

  static List<Rule> rules(List<PolicyRule> policyRules, String origin) {
    if (policyRules == null) {
      return List.of();
    }
    List<Rule> rules = new ArrayList<>(policyRules.size());
    for (PolicyRule p : policyRules) {
      if (p != null) {
        rules.add(Rule.of(p, origin));
      }
    }
    return rules;
  }

  private static boolean selectedByAny(List<LabelSelector> selectors, Map<String, String> labels) {
    for (LabelSelector s : selectors) {
      if (s != null && matches(s, labels)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Kubernetes label-selector semantics: every matchLabels pair and every expression must hold; an
   * empty selector selects everything; {@code NotIn} also selects objects without the key.
   */
  static boolean matches(LabelSelector selector, Map<String, String> labels) {
    if (selector.getMatchLabels() != null) {
      for (Map.Entry<String, String> e : selector.getMatchLabels().entrySet()) {
        if (!e.getValue().equals(labels.get(e.getKey()))) {
          return false;
        }
      }
    }
    if (selector.getMatchExpressions() != null) {
      for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
        if (!matches(r, labels)) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean matches(LabelSelectorRequirement r, Map<String, String> labels) {
    String value = labels.get(r.getKey());
    List<String> values = r.getValues() == null ? List.of() : r.getValues();
    return switch (r.getOperator() == null ? "" : r.getOperator()) {
      case "In" -> value != null && values.contains(value);
      case "NotIn" -> value == null || !values.contains(value);
      case "Exists" -> labels.containsKey(r.getKey());
      case "DoesNotExist" -> !labels.containsKey(r.getKey());
      default -> false; // the API server rejects other operators
    };
  }

  /** A rule's content without its origin, to drop the copies a live aggregated role stores. */
  private record RuleKey(
      List<String> verbs,
      List<String> apiGroups,
      List<String> resources,
      List<String> resourceNames,
      List<String> nonResourceURLs) {
    static RuleKey of(Rule r) {
      return new RuleKey(
          r.verbs(), r.apiGroups(), r.resources(), r.resourceNames(), r.nonResourceURLs());
    }
  }
}
