package dev.rampart.network;

import dev.rampart.snapshot.ObjectRef;
import java.util.List;

/**
 * One way traffic from outside the pods reaches a workload, with the evidence.
 *
 * @param via the object that opens the route: a Service, an Ingress, a Gateway API route, or the
 *     workload itself (hostPort, hostNetwork)
 * @param service the Service an Ingress or route forwards to (the same as {@code via} for Service
 *     routes), or null
 * @param gateway the Gateway a Gateway API route is attached to, or null
 * @param sourceRanges the client ranges the route is limited to ({@code loadBalancerSourceRanges},
 *     an allow-list annotation); empty when it is open to all
 * @param podPorts the ports of the workload's pods the traffic arrives on
 * @param exposed what the outside connects to: ports, node ports, host names
 * @param note a limit of the evidence, e.g. an assumption made, or null
 */
public record Route(
    Kind kind,
    Reach reach,
    ObjectRef via,
    ObjectRef service,
    ObjectRef gateway,
    List<String> sourceRanges,
    PortSet podPorts,
    String exposed,
    String note) {

  public Route {
    sourceRanges = List.copyOf(sourceRanges);
  }

  /** The kinds of route, applications' front doors first, node-level exposure last. */
  public enum Kind {
    LOAD_BALANCER("LoadBalancer"),
    INGRESS("Ingress"),
    GATEWAY_ROUTE("Gateway API route"),
    EXTERNAL_IP("externalIPs"),
    NODE_PORT("NodePort"),
    HOST_PORT("hostPort"),
    HOST_NETWORK("hostNetwork"),
    CLUSTER_IP("ClusterIP");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** Who can use the route. */
  public enum Reach {
    /** Any address on the internet (possibly narrowed to some public ranges). */
    INTERNET,
    /** A private network outside the cluster: an internal load balancer, a VPC, private ranges. */
    PRIVATE_NETWORK,
    /** Only pods of the cluster (a ClusterIP Service). */
    CLUSTER
  }

  public boolean internet() {
    return reach == Reach.INTERNET;
  }

  /**
   * {@code Service/shop/web (LoadBalancer)}, {@code Ingress/shop/web via Service web}, with the
   * narrowing when there is one: {@code (LoadBalancer, limited to 203.0.113.0/24)}.
   */
  public String describe() {
    String limited =
        sourceRanges.isEmpty() ? "" : ", limited to " + String.join(", ", sourceRanges);
    return switch (kind) {
      case LOAD_BALANCER, NODE_PORT, CLUSTER_IP ->
          via.display() + " (" + kind.label() + limited + ")";
      case EXTERNAL_IP -> via.display() + " (externalIPs" + limited + ")";
      case INGRESS ->
          via.display()
              + " via Service "
              + service.name()
              + (limited.isEmpty() ? "" : " (" + limited.substring(2) + ")");
      case GATEWAY_ROUTE ->
          via.display()
              + " via "
              + (gateway == null
                  ? "a Gateway"
                  : "Gateway " + gateway.namespace() + "/" + gateway.name())
              + " and Service "
              + service.name();
      case HOST_PORT -> exposed + " of " + via.display();
      case HOST_NETWORK -> "hostNetwork of " + via.display() + " (the node's addresses)";
    };
  }
}
