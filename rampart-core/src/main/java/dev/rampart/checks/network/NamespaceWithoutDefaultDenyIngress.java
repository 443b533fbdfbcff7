package dev.rampart.checks.network;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.network.Direction;

@CheckInfo(
    id = "namespace-without-default-deny-ingress",
    title = "Namespace does not deny ingress by default",
    severity = Severity.MEDIUM,
    category = Category.NETWORK,
    frameworks = {"cis-k8s-1.9:5.3.2", "nsa-cisa:network-separation", "mitre:t1046"},
    why =
        """
        A pod that no NetworkPolicy isolates accepts connections from every pod of the cluster \
        and from any address that reaches the pod network. One compromised pod anywhere can then \
        scan for and connect to the databases, admin ports and internal APIs of this namespace: \
        lateral movement needs no further weakness.""",
    remediation =
        """
        Add a NetworkPolicy with an empty podSelector and policyTypes [Ingress] to the namespace \
        (apiVersion: networking.k8s.io/v1, kind: NetworkPolicy, metadata: {name: default-deny-\
        ingress}, spec: {podSelector: {}, policyTypes: [Ingress]}), then allow each flow the \
        applications need with policies that name their sources and ports.""",
    notes =
        """
        A namespace passes when a policy with an empty podSelector isolates every pod, present \
        and future, for ingress, and no such namespace-wide policy opens ingress again to \
        everything on every port. Namespaces that run no pod are not applicable. Namespaces \
        covered by Cilium, Calico, Antrea or AdminNetworkPolicy rules are not evaluated: those \
        policies may deny or allow what Kubernetes NetworkPolicies do not say.""")
public final class NamespaceWithoutDefaultDenyIngress extends NamespaceDefaultDeny {

  public NamespaceWithoutDefaultDenyIngress() {
    super(Direction.INGRESS);
  }
}
