package dev.rampart.network;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.List;

/**
 * One entry of a rule's {@code ports}: a protocol (TCP by default), and a port number, a range
 * ({@code port} to {@code endPort}), a container port name, or no port (every port of the
 * protocol).
 *
 * @param protocol null when the API would reject the protocol: the entry then matches nothing
 * @param number the port number, or null
 * @param name the named port, or null
 * @param endPort the end of the range, or null
 * @param problem why the API server would reject this entry, or null
 */
public record PolicyPort(
    Protocol protocol, Integer number, String name, Integer endPort, String problem) {

  static PolicyPort of(NetworkPolicyPort p) {
    Protocol protocol = Protocol.parse(p.getProtocol()).orElse(null);
    String problem = protocol == null ? "unknown protocol \"" + p.getProtocol() + "\"" : null;
    IntOrString port = p.getPort();
    Integer number = null;
    String name = null;
    if (port != null) {
      if (port.getIntVal() != null) {
        number = port.getIntVal();
      } else if (port.getStrVal() != null) {
        String s = port.getStrVal();
        if (!s.isEmpty() && s.chars().allMatch(Character::isDigit) && s.length() < 6) {
          number = Integer.parseInt(s);
        } else {
          name = s;
        }
      }
    }
    Integer endPort = p.getEndPort();
    if (problem == null && endPort != null) {
      if (number == null) {
        problem = "endPort " + endPort + " needs a numeric port";
      } else if (endPort < number) {
        problem = "endPort " + endPort + " is below port " + number;
      }
    }
    if (problem == null && number != null && (number < 1 || number > PortSet.MAX_PORT)) {
      problem = "port " + number + " is out of range";
    }
    return new PolicyPort(protocol, number, name, endPort, problem);
  }

  /**
   * The ports this entry allows on a destination whose container ports are {@code destination}: a
   * named port resolves on the destination pod, for ingress and egress rules alike, to the
   * container ports of that name and protocol (none when it has no such port, or when the
   * destination is not a pod).
   */
  public PortSet resolve(List<PodPort> destination) {
    if (problem != null || protocol == null) {
      return PortSet.NONE;
    }
    if (name != null) {
      PortSet ports = PortSet.NONE;
      for (PodPort p : destination) {
        if (name.equals(p.name()) && p.protocol() == protocol) {
          ports = ports.union(PortSet.port(protocol, p.number()));
        }
      }
      return ports;
    }
    if (number == null) {
      return PortSet.allOf(protocol);
    }
    return PortSet.range(protocol, number, endPort == null ? number : endPort);
  }

  public String describe() {
    String proto = protocol == null ? "?" : protocol.name();
    if (name != null) {
      return proto + " " + name;
    }
    if (number == null) {
      return "all " + proto + " ports";
    }
    return proto + " " + number + (endPort == null ? "" : "-" + endPort);
  }
}
