package dev.rampart.graph;

import dev.rampart.config.RampartConfig.AssetGroup;
import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Workloads;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Which of the user's asset groups an object belongs to. */
public final class AssetGroups {

  private final List<AssetGroup> groups;

  public AssetGroups(List<AssetGroup> groups) {
    this.groups = List.copyOf(groups);
  }

  public List<AssetGroup> of(KubeObject o) {
    List<AssetGroup> result = new ArrayList<>();
    for (AssetGroup g : groups) {
      if (matches(g, o)) {
        result.add(g);
      }
    }
    return result;
  }

  /** The first group marked {@code critical} that holds {@code o}: its crown-jewel group. */
  public Optional<AssetGroup> critical(KubeObject o) {
    return of(o).stream().filter(g -> "critical".equalsIgnoreCase(g.criticality())).findFirst();
  }

  public boolean isCritical(KubeObject o) {
    return critical(o).isPresent();
  }

  public List<AssetGroup> all() {
    return groups;
  }

  private static boolean matches(AssetGroup g, KubeObject o) {
    var m = g.match();
    if (!m.namespaces().isEmpty() && !m.namespaces().contains(namespace(o))) {
      return false;
    }
    if (!m.kinds().isEmpty() && !m.kinds().contains(o.kind())) {
      return false;
    }
    return m.labels().isEmpty() || labels(o).entrySet().containsAll(m.labels().entrySet());
  }

  /** A Namespace belongs to its own namespace; other cluster-scoped objects to none (""). */
  private static String namespace(KubeObject o) {
    if (o.namespace() != null) {
      return o.namespace();
    }
    return "Namespace".equals(o.kind()) ? o.name() : "";
  }

  /** A workload's labels include its pods' labels: selectors are written against those. */
  private static Map<String, String> labels(KubeObject o) {
    return Workloads.of(o)
        .map(
            w -> {
              Map<String, String> all = new java.util.HashMap<>(o.labels());
              all.putAll(w.podLabels());
              return (Map<String, String>) all;
            })
        .orElse(o.labels());
  }
}
