package dev.rampart.checks.network;

import dev.rampart.checks.Check;
import java.util.Set;

/** The kinds the network engine reads, for {@link Check#requires()}. */
final class NetworkKinds {

  /**
   * Pods and what selects or exposes them: namespaces, NetworkPolicies and the CNI plugins' own,
   * Services, Ingresses, Gateway API routes, and the nodes NodePorts open on.
   */
  static final Set<String> ALL =
      Check.workloadsAnd(
          "Namespace",
          "Node",
          "NetworkPolicy",
          "CiliumNetworkPolicy",
          "CiliumClusterwideNetworkPolicy",
          "GlobalNetworkPolicy",
          "ClusterNetworkPolicy",
          "AdminNetworkPolicy",
          "BaselineAdminNetworkPolicy",
          "Service",
          "Ingress",
          "IngressClass",
          "Gateway",
          "HTTPRoute",
          "GRPCRoute",
          "TLSRoute",
          "TCPRoute",
          "UDPRoute",
          "ReferenceGrant");

  private NetworkKinds() {}
}
