package dev.rampart.checks.network;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.network.Direction;

@CheckInfo(
    id = "namespace-without-default-deny-egress",
    title = "Namespace does not deny egress by default",
    severity = Severity.LOW,
    category = Category.NETWORK,
    frameworks = {"cis-k8s-1.9:5.3.2", "nsa-cisa:network-separation", "mitre:t1046"},
    why =
        """
        Without egress isolation a compromised pod may connect to every other pod, the cloud \
        metadata endpoint and the whole internet: it can scan the cluster, reach databases that \
        trust the network, and send data out or fetch tools at will.""",
    remediation =
        """
        Add a NetworkPolicy with an empty podSelector and policyTypes [Egress] to the namespace \
        (spec: {podSelector: {}, policyTypes: [Egress]}), then allow DNS (UDP and TCP 53 to the \
        cluster DNS pods) and each destination the applications need.""",
    notes =
        """
        A namespace passes when a policy with an empty podSelector isolates every pod for egress \
        and no such namespace-wide policy opens egress again to everything on every port. \
        Namespaces that run no pod are not applicable; namespaces covered by CNI policies are not \
        evaluated.""")
public final class NamespaceWithoutDefaultDenyEgress extends NamespaceDefaultDeny {

  public NamespaceWithoutDefaultDenyEgress() {
    super(Direction.EGRESS);
  }
}
