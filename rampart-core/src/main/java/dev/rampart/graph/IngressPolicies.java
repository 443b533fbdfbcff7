package dev.rampart.graph;

import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Snapshot;
import dev.rampart.snapshot.Workload;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which NetworkPolicies select a workload's pods for ingress. A policy without {@code policyTypes}
 * always restricts ingress (the API server defaults it so).
 */
final class IngressPolicies {

  private final Map<String, List<KubeObject>> byNamespace = new HashMap<>();

  static IngressPolicies of(Snapshot snapshot) {
    IngressPolicies p = new IngressPolicies();
    for (KubeObject o : snapshot.ofKind("NetworkPolicy")) {
      NetworkPolicy np = o.as(NetworkPolicy.class);
      if (np.getSpec() == null) {
        continue;
      }
      List<String> types = np.getSpec().getPolicyTypes();
      if (types == null || types.isEmpty() || types.contains("Ingress")) {
        p.byNamespace.computeIfAbsent(o.namespace(), k -> new ArrayList<>()).add(o);
      }
    }
    return p;
  }

  List<String> selecting(Workload w) {
    List<String> names = new ArrayList<>();
    for (KubeObject o : byNamespace.getOrDefault(w.namespace(), List.of())) {
      if (matches(o.as(NetworkPolicy.class).getSpec().getPodSelector(), w.podLabels())) {
        names.add(o.ref().display());
      }
    }
    return names;
  }

  static boolean matches(LabelSelector selector, Map<String, String> labels) {
    if (selector == null) {
      return true;
    }
    if (selector.getMatchLabels() != null
        && !labels.entrySet().containsAll(selector.getMatchLabels().entrySet())) {
      return false;
    }
    if (selector.getMatchExpressions() != null) {
      for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
        String value = labels.get(r.getKey());
        List<String> values = r.getValues() == null ? List.of() : r.getValues();
        boolean ok =
            switch (r.getOperator()) {
              case "In" -> value != null && values.contains(value);
              case "NotIn" -> value == null || !values.contains(value);
              case "Exists" -> value != null;
              case "DoesNotExist" -> value == null;
              default -> false;
            };
        if (!ok) {
          return false;
        }
      }
    }
    return true;
  }
}
