package dev.rampart.network;

import dev.rampart.snapshot.ObjectRef;
import java.util.ArrayList;
import java.util.List;

/**
 * One ingress or egress rule of a NetworkPolicy: traffic is allowed when it matches one of the
 * peers (any peer, when there are none) and one of the ports (any port, when there are none).
 *
 * @param policy the policy the rule belongs to
 * @param index the 0-based position in {@code spec.ingress} or {@code spec.egress}
 */
public record Rule(
    ObjectRef policy, Direction direction, int index, List<Peer> peers, List<PolicyPort> ports) {

  public Rule {
    peers = List.copyOf(peers);
    ports = List.copyOf(ports);
  }

  /** Whether the rule admits the other end of the traffic, {@code e}. */
  public boolean matchesPeer(Endpoint e) {
    if (peers.isEmpty()) {
      return true;
    }
    for (Peer p : peers) {
      if (p.matches(e, policy.namespace())) {
        return true;
      }
    }
    return false;
  }

  /** The ports allowed to a destination with these container ports. */
  public PortSet ports(List<PodPort> destination) {
    if (ports.isEmpty()) {
      return PortSet.ALL;
    }
    PortSet all = PortSet.NONE;
    for (PolicyPort p : ports) {
      all = all.union(p.resolve(destination));
    }
    return all;
  }

  /** The JSON path of the rule, e.g. {@code spec.ingress[0]}. */
  public String path() {
    return "spec." + direction.id() + "[" + index + "]";
  }

  /**
   * {@code payments/allow-db ingress rule 1: from pods app=api in namespace payments, on TCP 5432}.
   */
  public String describe() {
    return policy.namespace()
        + "/"
        + policy.name()
        + " "
        + direction.id()
        + " rule "
        + (index + 1)
        + ": "
        + describeTraffic();
  }

  /** {@code from pods app=api in namespace payments, on TCP 5432}. */
  public String describeTraffic() {
    String who;
    if (peers.isEmpty()) {
      who = direction == Direction.INGRESS ? "from anywhere" : "to anywhere";
    } else {
      List<String> items = new ArrayList<>();
      peers.forEach(p -> items.add(p.describe(policy.namespace())));
      who = direction.peerField() + " " + String.join(" or ", items);
    }
    String on =
        ports.isEmpty()
            ? "all ports"
            : String.join(", ", ports.stream().map(PolicyPort::describe).toList());
    return who + ", on " + on;
  }
}
