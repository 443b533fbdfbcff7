package dev.rampart.network;

import java.util.List;

/**
 * What one direction of a connection allows: the source's egress or the destination's ingress.
 *
 * @param subject the pod end this direction governs (the source for egress, the destination for
 *     ingress)
 * @param isolating the policies that select the subject for this direction; empty when it is not
 *     isolated
 * @param grants the rules that admit the other end, with the ports each admits
 * @param ports what this direction allows: every port when not isolated, otherwise the union of the
 *     grants
 */
public record Side(
    Direction direction,
    Endpoint subject,
    Status status,
    List<Policy> isolating,
    List<Grant> grants,
    PortSet ports) {

  public Side {
    isolating = List.copyOf(isolating);
    grants = List.copyOf(grants);
  }

  public enum Status {
    /** No policy selects the subject for this direction: everything is allowed. */
    NOT_ISOLATED,
    /** Policies select the subject: only what their rules admit is allowed. */
    ISOLATED,
    /** The subject is outside the cluster: no NetworkPolicy governs its side. */
    EXTERNAL,
    /** The subject uses the node's network: NetworkPolicy does not apply to it. */
    HOST_NETWORK
  }

  /** One rule that admits the other end, and the ports it admits to the destination. */
  public record Grant(Rule rule, PortSet ports) {}

  /** The grants whose ports hold {@code port}. */
  public List<Grant> grantsFor(Protocol protocol, int port) {
    return grants.stream().filter(g -> g.ports().contains(protocol, port)).toList();
  }

  /** One line saying why this direction allows what it allows. */
  public String explain() {
    String who = subject.display();
    return switch (status) {
      case NOT_ISOLATED ->
          who
              + " is not isolated for "
              + direction.id()
              + ": no NetworkPolicy selects it with policyType "
              + direction.policyType();
      case EXTERNAL ->
          who + " is outside the cluster: no NetworkPolicy governs its " + direction.id();
      case HOST_NETWORK ->
          who + " uses the host network: NetworkPolicy does not apply to its " + direction.id();
      case ISOLATED ->
          who
              + " is isolated for "
              + direction.id()
              + " by "
              + String.join(", ", isolating.stream().map(Policy::display).toList())
              + (grants.isEmpty() ? "; no rule admits the other end" : "");
    };
  }
}
