package dev.rampart.checks.network;

import dev.rampart.checks.Category;
import dev.rampart.checks.Check;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Results;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.network.CniPolicy;
import dev.rampart.network.Direction;
import dev.rampart.network.Network;
import dev.rampart.network.PodEndpoint;
import dev.rampart.snapshot.Snapshot;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

@CheckInfo(
    id = "workload-without-network-policy",
    title = "Workload is not selected by any NetworkPolicy",
    severity = Severity.LOW,
    category = Category.NETWORK,
    frameworks = {"cis-k8s-1.9:5.3.2", "nsa-cisa:network-separation", "mitre:t1046"},
    why =
        """
        Pods that no NetworkPolicy selects are isolated in neither direction: any pod of the \
        cluster may connect to them on any port, and they may connect anywhere. A compromise of \
        such a workload, or of anything next to it, spreads without a network boundary.""",
    remediation =
        """
        Select the workload's pods with NetworkPolicies that allow only the sources and \
        destinations it needs, or give its namespace default-deny policies for ingress and \
        egress.""",
    notes =
        """
        hostNetwork pods are not applicable: NetworkPolicy does not govern the node's network. \
        Workloads in namespaces covered by CNI policies are not evaluated.""")
public final class WorkloadWithoutNetworkPolicy implements Check {

  @Override
  public Set<String> requires() {
    return NetworkKinds.ALL;
  }

  @Override
  public void run(Snapshot snapshot, CheckContext context, Results results) {
    Network network = Network.of(snapshot);
    Set<String> unevaluated = new LinkedHashSet<>();
    for (PodEndpoint e : network.endpoints()) {
      if (e.hostNetwork()) {
        results.notApplicable(
            e.object(), "uses the host network, which NetworkPolicy does not govern");
        continue;
      }
      List<CniPolicy> cni = network.cniPoliciesCovering(e.namespace());
      if (!cni.isEmpty()) {
        unevaluated.add(cni.get(0).reason(e.namespace()));
        continue;
      }
      boolean ingress = !network.policies().selecting(e, Direction.INGRESS).isEmpty();
      boolean egress = !network.policies().selecting(e, Direction.EGRESS).isEmpty();
      if (ingress || egress) {
        results.pass(e.object());
      } else {
        results.fail(
            Violation.of(
                e.object(),
                null,
                "no NetworkPolicy of namespace "
                    + e.namespace()
                    + " selects the pods of "
                    + e.kind()
                    + " "
                    + e.name()
                    + ": they accept and open connections on any port"));
      }
    }
    unevaluated.forEach(results::notEvaluated);
  }
}
