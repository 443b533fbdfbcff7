package dev.rampart.checks.node;

import dev.rampart.checks.Check;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.Results;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A check of each node's kubelet configuration. Nodes whose configuration is not in the snapshot
 * are not evaluated, once per check with the reason; nothing about them is passed.
 */
public abstract class KubeletCheck implements Check {

  @Override
  public Set<String> requires() {
    return Set.of(KubeletConfig.KIND, "Node");
  }

  static final String UNAVAILABLE =
      "kubelet configuration not available: needs nodes/proxy get, or a live scan";

  @Override
  public final void run(Snapshot snapshot, CheckContext context, Results results) {
    Map<String, KubeObject> nodes = new HashMap<>();
    snapshot.ofKind("Node").forEach(n -> nodes.put(n.name(), n));
    Set<String> configured = new LinkedHashSet<>();
    List<Violation> found = new ArrayList<>();
    for (KubeObject o : snapshot.ofKind(KubeletConfig.KIND)) {
      if (!KubeletConfig.is(o)) {
        continue;
      }
      KubeletConfig config = KubeletConfig.of(o);
      configured.add(config.node());
      KubeObject node = nodes.get(config.node());
      String reason = notApplicable(config, node);
      if (reason != null) {
        results.notApplicable(o, reason);
        continue;
      }
      found.clear();
      check(config, node, context, found::add);
      if (found.isEmpty()) {
        results.pass(o);
      } else {
        found.forEach(results::fail);
      }
    }
    List<String> missing =
        nodes.keySet().stream().filter(n -> !configured.contains(n)).sorted().toList();
    if (!missing.isEmpty()) {
      results.notEvaluated(missing(missing, nodes.size()));
    } else if (nodes.isEmpty() && configured.isEmpty()) {
      results.notEvaluated("no Node or KubeletConfiguration in the input; " + UNAVAILABLE);
    }
  }

  static String missing(List<String> nodes, int total) {
    String names =
        nodes.size() <= 3
            ? String.join(", ", nodes)
            : String.join(", ", nodes.subList(0, 3)) + " and " + (nodes.size() - 3) + " more";
    return UNAVAILABLE + " (" + nodes.size() + " of " + total + " nodes: " + names + ")";
  }

  /** Why the check does not apply to this kubelet (a Windows node), or null. */
  protected String notApplicable(KubeletConfig config, KubeObject node) {
    return null;
  }

  /**
   * @param node the Node object of the same name, or null when the input has none
   */
  protected abstract void check(
      KubeletConfig config, KubeObject node, CheckContext context, Consumer<Violation> fail);

  static boolean windows(KubeObject node) {
    return node != null && "windows".equals(node.labels().get("kubernetes.io/os"));
  }
}
