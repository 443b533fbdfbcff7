package dev.rampart.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.rampart.network.Decision;
import dev.rampart.network.Endpoint;
import dev.rampart.network.ExternalEndpoint;
import dev.rampart.network.InternetPaths;
import dev.rampart.network.PodEndpoint;
import dev.rampart.network.Policy;
import dev.rampart.network.Protocol;
import dev.rampart.network.Rule;
import dev.rampart.network.Side;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The JSON shapes of {@code reach}: typed records, serialized by Jackson. */
final class ReachJson {

  static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .setSerializationInclusion(JsonInclude.Include.NON_NULL);

  private ReachJson() {}

  /** An end: a workload or pod, {@code Internet}, or an {@code Address}. */
  record End(String kind, String namespace, String name, String address) {
    static End of(Endpoint e) {
      if (e instanceof PodEndpoint p) {
        return new End(p.kind(), p.namespace(), p.name(), null);
      }
      ExternalEndpoint x = (ExternalEndpoint) e;
      return x.internet()
          ? new End("Internet", null, null, null)
          : new End("Address", null, null, x.name());
    }
  }

  /** The port asked about; absent when the question is about any port. */
  record PortJson(String protocol, int port) {}

  /** A policy that decided, with its rules that admit the traffic (none when it denies). */
  record PolicyJson(String namespace, String name, List<String> rules) {}

  record RuleJson(String policy, String direction, int rule, String description, String ports) {}

  /** One direction: the source's egress or the destination's ingress. */
  record SideJson(
      String subject,
      String status,
      boolean allowed,
      List<String> isolatedBy,
      List<RuleJson> rules,
      String ports,
      String explanation) {
    /**
     * @param port the port asked about, 0 for any
     */
    static SideJson of(Side s, Protocol protocol, int port) {
      List<RuleJson> rules = new ArrayList<>();
      for (Side.Grant g : s.grants()) {
        Rule r = g.rule();
        rules.add(
            new RuleJson(
                r.policy().namespace() + "/" + r.policy().name(),
                r.direction().id(),
                r.index() + 1,
                r.describe(),
                g.ports().describe()));
      }
      return new SideJson(
          s.subject().display(),
          s.status().name().toLowerCase(Locale.ROOT).replace('_', '-'),
          port == 0 ? !s.ports().isEmpty() : s.ports().contains(protocol, port),
          s.isolating().stream().map(Policy::display).toList(),
          rules,
          s.ports().describe(),
          s.explain());
    }
  }

  record HopJson(End from, End to, String via, String ports, String explanation) {
    static HopJson of(InternetPaths.Hop h) {
      return new HopJson(
          End.of(h.from()),
          End.of(h.to()),
          h.route() == null ? null : h.route().describe(),
          h.ports().describe(),
          h.describe());
    }
  }

  /**
   * The answer to {@code --from A --to B}.
   *
   * @param allowed whether the traffic (on the port, or on some port) is allowed
   * @param evaluated false when CNI policies Rampart does not evaluate also apply: then {@code
   *     allowed} is what Kubernetes NetworkPolicies alone decide
   * @param ports every port allowed
   * @param path for {@code --from internet}: the hops from the internet to the destination
   */
  record Answer(
      End from,
      End to,
      PortJson port,
      boolean allowed,
      boolean evaluated,
      List<String> notEvaluated,
      String ports,
      List<PolicyJson> decidingPolicies,
      SideJson egress,
      SideJson ingress,
      List<HopJson> path,
      List<String> notes) {}

  /** One end of a list answer ({@code --to} alone, {@code --from} alone). */
  record Peer(
      End end, String ports, List<PolicyJson> decidingPolicies, List<String> notEvaluated) {}

  record ListAnswer(
      String question, End from, End to, PortJson port, List<Peer> peers, Answer internet) {}

  /** The policies that decided, with the rules of each that admit the traffic. */
  static List<PolicyJson> deciding(Decision d, Protocol protocol, int port) {
    List<Policy> policies = port == 0 ? d.decidingPolicies() : d.decidingPolicies(protocol, port);
    List<Rule> rules = d.decidingRules(protocol, port);
    Map<String, PolicyJson> result = new LinkedHashMap<>();
    for (Policy p : policies) {
      List<String> own = new ArrayList<>();
      for (Rule r : rules) {
        if (r.policy().equals(p.ref())) {
          own.add(r.describe());
        }
      }
      result.putIfAbsent(p.display(), new PolicyJson(p.namespace(), p.name(), own));
    }
    return new ArrayList<>(result.values());
  }
}
