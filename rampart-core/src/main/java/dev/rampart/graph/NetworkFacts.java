package dev.rampart.graph;

import dev.rampart.network.Exposure;
import dev.rampart.snapshot.Snapshot;
import dev.rampart.snapshot.Workload;
import java.util.List;
import java.util.Set;

/**
 * What the graph needs from the network analysis: how the internet reaches a workload, and which
 * workloads a workload can connect to. One small interface, so that the NetworkPolicy engine can
 * replace the conservative stand-in without touching the graph.
 */
public interface NetworkFacts {

  /** How the internet reaches {@code workload}, in words; empty when it does not. */
  Set<String> internetRoutes(Workload workload);

  /**
   * Whether {@code workload} admits connections from every pod: no NetworkPolicy selects it for
   * ingress. The evidence in words when it does, null when some policy restricts it.
   */
  String openToAllPods(Workload workload);

  /**
   * The stand-in until the NetworkPolicy engine lands: internet routes from {@link Exposure}, and a
   * workload open to every pod when no NetworkPolicy of its namespace selects it for ingress.
   * Conservative: a policy that selects it is taken to keep every attacker out.
   */
  static NetworkFacts of(Snapshot snapshot) {
    Exposure exposure = Exposure.of(snapshot);
    IngressPolicies policies = IngressPolicies.of(snapshot);
    return new NetworkFacts() {
      @Override
      public Set<String> internetRoutes(Workload workload) {
        return exposure.internetRoutes(workload.object());
      }

      @Override
      public String openToAllPods(Workload workload) {
        List<String> selecting = policies.selecting(workload);
        return selecting.isEmpty()
            ? "no NetworkPolicy in namespace " + workload.namespace() + " selects its pods"
            : null;
      }
    };
  }
}
