package dev.rampart.network;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether traffic from one end may reach the other, and why: the source's egress and the
 * destination's ingress must both allow it.
 *
 * @param ports the ports allowed: the intersection of both sides
 * @param notEvaluated why this answer may be wrong: CNI policies Rampart does not evaluate also
 *     apply to one end; empty when the answer is complete
 */
public record Decision(
    Endpoint from,
    Endpoint to,
    Side egress,
    Side ingress,
    PortSet ports,
    List<String> notEvaluated) {

  public Decision {
    notEvaluated = List.copyOf(notEvaluated);
  }

  /** Whether some traffic is allowed. */
  public boolean allowed() {
    return !ports.isEmpty();
  }

  public boolean allows(Protocol protocol, int port) {
    return ports.contains(protocol, port);
  }

  /** Whether the answer is complete: no unevaluated CNI policy applies to either end. */
  public boolean evaluated() {
    return notEvaluated.isEmpty();
  }

  public Decision withNotEvaluated(List<String> reasons) {
    return new Decision(from, to, egress, ingress, ports, reasons);
  }

  /**
   * The policies that decided traffic on one port: when it is allowed, those whose rules admit it
   * (on each isolated side); when it is denied, those that isolate the side that denies it.
   */
  public List<Policy> decidingPolicies(Protocol protocol, int port) {
    Set<Policy> result = new LinkedHashSet<>();
    boolean allowed = allows(protocol, port);
    for (Side s : List.of(egress, ingress)) {
      if (s.status() != Side.Status.ISOLATED) {
        continue;
      }
      if (allowed) {
        s.grantsFor(protocol, port).forEach(g -> result.add(policy(s, g.rule())));
      } else if (!s.ports().contains(protocol, port)) {
        result.addAll(s.isolating());
      }
    }
    return new ArrayList<>(result);
  }

  /** The policies that decided the traffic on any port, the same way. */
  public List<Policy> decidingPolicies() {
    Set<Policy> result = new LinkedHashSet<>();
    for (Side s : List.of(egress, ingress)) {
      if (s.status() != Side.Status.ISOLATED) {
        continue;
      }
      if (allowed()) {
        s.grants().stream()
            .filter(g -> g.ports().intersects(ports))
            .forEach(g -> result.add(policy(s, g.rule())));
      } else if (s.ports().isEmpty() || !s.ports().intersects(otherSide(s).ports())) {
        result.addAll(s.isolating());
      }
    }
    return new ArrayList<>(result);
  }

  /** The rules that admit the traffic (on one port, or on any allowed port when port is 0). */
  public List<Rule> decidingRules(Protocol protocol, int port) {
    List<Rule> rules = new ArrayList<>();
    for (Side s : List.of(egress, ingress)) {
      for (Side.Grant g : s.grants()) {
        boolean relevant =
            port == 0 ? g.ports().intersects(ports) : g.ports().contains(protocol, port);
        if (relevant && (port == 0 || allows(protocol, port))) {
          rules.add(g.rule());
        }
      }
    }
    return rules;
  }

  private Side otherSide(Side s) {
    return s == egress ? ingress : egress;
  }

  private static Policy policy(Side s, Rule r) {
    for (Policy p : s.isolating()) {
      if (p.ref().equals(r.policy())) {
        return p;
      }
    }
    throw new IllegalStateException("rule " + r.describe() + " of a policy that does not select");
  }
}
