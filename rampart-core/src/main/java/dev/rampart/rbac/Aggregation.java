package dev.rampart.rbac;

import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.LabelSelectors;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.rbac.AggregationRule;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Resolves ClusterRoles as the cluster-role aggregation controller does: an aggregated role gets
 * the rules of every ClusterRole one of its {@code clusterRoleSelectors} selects. The controller
 * runs until nothing changes, so aggregation is transitive (admin selects edit, which selects view)
 * and roles that select each other end up with the union of their rules: a fixpoint.
 *
 * <p>A live cluster stores the controller's result in the aggregated role's rules; a manifest
 * usually does not. The role's own rules are therefore kept alongside the selected ones: on a live
 * snapshot they are the same rules (attributed to the component they come from), and in manifests
 * they make the analysis err on the side of reporting (the controller would replace them on apply).
 */
final class Aggregation {

  private Aggregation() {}

  /** Every ClusterRole of the snapshot, resolved, by name. */
  static Map<String, Role> resolve(List<KubeObject> clusterRoles) {
    Map<String, KubeObject> byName = new TreeMap<>();
    for (KubeObject o : clusterRoles) {
      byName.putIfAbsent(o.name(), o);
    }
    List<KubeObject> sorted =
        byName.values().stream().sorted(Comparator.comparing(KubeObject::name)).toList();
    Map<String, Map<RuleKey, Rule>> rules = new HashMap<>();
    Map<String, List<String>> selects = new TreeMap<>();
    for (KubeObject o : sorted) {
      ClusterRole cr = o.resource() instanceof ClusterRole c ? c : null;
      Map<RuleKey, Rule> own = new LinkedHashMap<>();
      if (cr != null) {
        for (Rule r : rules(cr.getRules(), o.name())) {
          own.putIfAbsent(RuleKey.of(r), r);
        }
      }
      rules.put(o.name(), own);
      AggregationRule aggregation = cr == null ? null : cr.getAggregationRule();
      if (aggregation != null && aggregation.getClusterRoleSelectors() != null) {
        List<String> selected = new ArrayList<>();
        for (KubeObject candidate : sorted) {
          if (!candidate.name().equals(o.name())
              && selectedByAny(aggregation.getClusterRoleSelectors(), candidate.labels())) {
            selected.add(candidate.name());
          }
        }
        selects.put(o.name(), selected);
      }
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Map.Entry<String, List<String>> e : selects.entrySet()) {
        Map<RuleKey, Rule> target = rules.get(e.getKey());
        for (String component : e.getValue()) {
          for (Rule r : List.copyOf(rules.get(component).values())) {
            RuleKey key = RuleKey.of(r);
            Rule present = target.get(key);
            if (present == null) {
              target.put(key, r);
              changed = true;
            } else if (e.getKey().equals(present.origin()) && !r.origin().equals(e.getKey())) {
              target.put(key, r); // a stored copy of a component's rule: credit the component
            }
          }
        }
      }
    }
    Map<String, Role> resolved = new HashMap<>();
    for (KubeObject o : sorted) {
      resolved.put(
          o.name(),
          new Role(
              Role.CLUSTER_ROLE,
              null,
              o.name(),
              o,
              List.copyOf(rules.get(o.name()).values()),
              selects.getOrDefault(o.name(), List.of())));
    }
    return resolved;
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
      if (s != null && LabelSelectors.matches(s, labels)) {
        return true;
      }
    }
    return false;
  }

  /** A rule's content without its origin, to merge copies of the same rule. */
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
