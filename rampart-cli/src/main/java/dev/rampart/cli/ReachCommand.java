package dev.rampart.cli;

import dev.rampart.cli.ReachJson.Answer;
import dev.rampart.cli.ReachJson.End;
import dev.rampart.cli.ReachJson.HopJson;
import dev.rampart.cli.ReachJson.ListAnswer;
import dev.rampart.cli.ReachJson.PolicyJson;
import dev.rampart.cli.ReachJson.PortJson;
import dev.rampart.cli.ReachJson.SideJson;
import dev.rampart.network.Cidr;
import dev.rampart.network.Decision;
import dev.rampart.network.Endpoint;
import dev.rampart.network.ExternalEndpoint;
import dev.rampart.network.InternetPaths;
import dev.rampart.network.Network;
import dev.rampart.network.PodEndpoint;
import dev.rampart.network.PodPort;
import dev.rampart.network.PortSet;
import dev.rampart.network.Protocol;
import dev.rampart.snapshot.Snapshot;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "reach",
    mixinStandardHelpOptions = true,
    description = {
      "Can A talk to B, and why: the NetworkPolicies and rules that allow or deny it.",
      "With --from and --to, one answer; with --to alone, who can reach it; with --from alone,",
      "what it can reach. An end is NAMESPACE/NAME (a workload or a pod), NAMESPACE/KIND/NAME,",
      "internet (through the routes that expose workloads, then from pod to pod), or an address",
      "or prefix (10.1.2.3, 2001:db8::/64)."
    },
    footer = {"", "Exit codes: 0 answered, 2 usage error, 3 an input could not be read."})
final class ReachCommand implements Callable<Integer> {

  /** What an answer about reachability rests on: without one of them it may be wrong. */
  private static final Set<String> POLICY_KINDS = Set.of("Pod", "Namespace", "NetworkPolicy");

  enum Format {
    table,
    json
  }

  @Spec CommandSpec spec;

  @Option(names = "--from", paramLabel = "END", description = "where the traffic starts")
  String from;

  @Option(names = "--to", paramLabel = "END", description = "where the traffic goes")
  String to;

  @Option(
      names = {"-p", "--port"},
      paramLabel = "PORT[/PROTO]",
      description =
          "one port: a number or a container port name of the destination, TCP unless /UDP or"
              + " /SCTP (default: any port)")
  String port;

  @Parameters(
      paramLabel = "PATH",
      arity = "0..*",
      description = "YAML/JSON manifests, directories (read recursively) or - for stdin")
  List<String> paths = new ArrayList<>();

  @Mixin SourceOptions source;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table or json (default: ${DEFAULT-VALUE})")
  Format format;

  /** A port asked about; protocol null and number 0 mean any port. */
  private record Port(Protocol protocol, int number) {
    boolean any() {
      return number == 0;
    }

    PortSet set() {
      return any() ? PortSet.ALL : PortSet.port(protocol, number);
    }

    PortJson json() {
      return any() ? null : new PortJson(protocol.name(), number);
    }

    String describe() {
      return any() ? "any port" : protocol + " " + number;
    }
  }

  @Override
  public Integer call() throws IOException {
    if (from == null && to == null) {
      throw new UsageException("give --from, --to or both");
    }
    PrintWriter err = spec.commandLine().getErr();
    Snapshot snapshot = source.load(paths, err);
    Network network = Network.of(snapshot);
    Endpoint source = from == null ? null : end(network, from, "--from");
    Endpoint target = to == null ? null : end(network, to, "--to");
    if (source instanceof ExternalEndpoint && target instanceof ExternalEndpoint) {
      throw new UsageException(
          "--from and --to are both outside the cluster: no NetworkPolicy applies");
    }
    Port wanted = port(target);
    PrintWriter out = spec.commandLine().getOut();
    Object json;
    if (source != null && target != null) {
      Answer a = answer(network, source, target, wanted);
      json = a;
      if (format == Format.table) {
        printAnswer(out, a);
      }
    } else {
      ListAnswer a =
          target != null ? reachers(network, target, wanted) : reachable(network, source, wanted);
      json = a;
      if (format == Format.table) {
        printList(out, a);
      }
    }
    if (format == Format.json) {
      out.println(ReachJson.MAPPER.writeValueAsString(json));
    }
    out.flush();
    return SourceOptions.exitCode(snapshot, POLICY_KINDS).code();
  }

  private Endpoint end(Network network, String text, String option) {
    String t = text.strip();
    if (t.equalsIgnoreCase("internet")) {
      return ExternalEndpoint.INTERNET;
    }
    if (Cidr.isValid(t)) {
      return ExternalEndpoint.of(Cidr.parse(t));
    }
    String[] parts = t.split("/");
    if (parts.length < 2 || parts.length > 3 || List.of(parts).contains("")) {
      throw new UsageException(
          option
              + " "
              + text
              + ": expected NAMESPACE/NAME, NAMESPACE/KIND/NAME, internet or an address");
    }
    String ns = parts[0];
    String kind = parts.length == 3 ? parts[1] : null;
    String name = parts[parts.length - 1];
    List<PodEndpoint> found = network.find(ns, kind, name);
    if (found.isEmpty()) {
      List<String> known =
          network.endpoints().stream()
              .filter(e -> e.namespace().equals(ns))
              .map(e -> e.kind() + "/" + e.name())
              .limit(12)
              .toList();
      throw new UsageException(
          option
              + " "
              + text
              + ": no workload or pod "
              + name
              + " in namespace "
              + ns
              + (known.isEmpty() ? "" : " (it has " + String.join(", ", known) + ")"));
    }
    if (found.size() > 1) {
      throw new UsageException(
          option
              + " "
              + text
              + " is ambiguous: "
              + String.join(", ", found.stream().map(PodEndpoint::display).toList())
              + "; give NAMESPACE/KIND/NAME");
    }
    return found.get(0);
  }

  /** Parses --port: a number or a container port name of the destination, with a protocol. */
  private Port port(Endpoint target) {
    if (port == null) {
      return new Port(null, 0);
    }
    String value = port.strip();
    Protocol protocol = Protocol.TCP;
    int slash = value.indexOf('/');
    if (slash >= 0) {
      String proto = value.substring(slash + 1).toUpperCase(Locale.ROOT);
      protocol =
          Protocol.parse(proto)
              .orElseThrow(
                  () -> new UsageException("--port " + port + ": protocol TCP, UDP or SCTP"));
      value = value.substring(0, slash);
    }
    if (!value.isEmpty() && value.chars().allMatch(Character::isDigit) && value.length() <= 5) {
      int n = Integer.parseInt(value);
      if (n < PortSet.MIN_PORT || n > PortSet.MAX_PORT) {
        throw new UsageException("--port " + port + ": a port is 1 to 65535");
      }
      return new Port(protocol, n);
    }
    if (!(target instanceof PodEndpoint pod)) {
      throw new UsageException("--port " + port + ": a named port needs a workload or pod as --to");
    }
    for (PodPort p : pod.ports()) {
      if (value.equals(p.name()) && (slash < 0 || p.protocol() == protocol)) {
        return new Port(p.protocol(), p.number());
      }
    }
    throw new UsageException(
        "--port " + port + ": " + pod.display() + " has no port named " + value);
  }

  private static Answer answer(Network network, Endpoint source, Endpoint target, Port wanted) {
    if (source instanceof ExternalEndpoint x && x.internet() && target instanceof PodEndpoint pod) {
      return internetAnswer(network, pod, wanted);
    }
    Decision d = network.decide(source, target);
    boolean allowed = wanted.any() ? d.allowed() : d.allows(wanted.protocol(), wanted.number());
    List<String> notes = new ArrayList<>();
    if (source instanceof ExternalEndpoint x && !x.internet()) {
      notes.add(
          "NetworkPolicy only: whether "
              + x.display()
              + " can reach the pods at all depends on how they are exposed (try --from internet)");
    }
    if (source.equals(target)) {
      notes.add(
          "between pods of the same workload; a pod can always reach itself, whatever the policies");
    }
    return new Answer(
        End.of(source),
        End.of(target),
        wanted.json(),
        allowed,
        d.evaluated(),
        d.notEvaluated(),
        d.ports().describe(),
        ReachJson.deciding(d, wanted.protocol(), wanted.number()),
        SideJson.of(d.egress(), wanted.protocol(), wanted.number()),
        SideJson.of(d.ingress(), wanted.protocol(), wanted.number()),
        null,
        notes);
  }

  /** From the internet: through a route that exposes a workload, then from pod to pod. */
  private static Answer internetAnswer(Network network, PodEndpoint target, Port wanted) {
    Optional<InternetPaths.Path> path = network.internetPaths().pathTo(target, wanted.set());
    List<HopJson> hops = new ArrayList<>();
    List<PolicyJson> policies = new ArrayList<>();
    Set<String> notEvaluated = new LinkedHashSet<>();
    List<String> notes = new ArrayList<>();
    if (path.isPresent()) {
      for (InternetPaths.Hop h : path.get().hops()) {
        hops.add(HopJson.of(h));
        if (h.decision() != null) {
          boolean last = h.to() == target;
          policies.addAll(
              ReachJson.deciding(h.decision(), wanted.protocol(), last ? wanted.number() : 0));
          notEvaluated.addAll(h.decision().notEvaluated());
        } else if (h.route().note() != null) {
          notes.add(h.route().note());
        }
      }
    } else {
      network
          .cniPoliciesCovering(target.namespace())
          .forEach(
              c ->
                  notEvaluated.add(
                      "not evaluated: " + c.describe() + " also applies to " + target.display()));
      notes.add(
          network.exposure().routesFromInternet(target.object()).isEmpty()
              ? "no route from the internet reaches it, directly or through other workloads"
              : "routes from the internet exist, but NetworkPolicy admits none of them");
    }
    PortSet ports = path.map(p -> p.hops().get(p.hops().size() - 1).ports()).orElse(PortSet.NONE);
    return new Answer(
        End.of(ExternalEndpoint.INTERNET),
        End.of(target),
        wanted.json(),
        path.isPresent(),
        notEvaluated.isEmpty(),
        List.copyOf(notEvaluated),
        ports.describe(),
        policies,
        null,
        null,
        hops,
        notes);
  }

  private static ListAnswer reachers(Network network, Endpoint target, Port wanted) {
    List<ReachJson.Peer> peers = new ArrayList<>();
    List<Decision> decisions;
    if (target instanceof PodEndpoint) {
      decisions = network.reachers(target);
    } else {
      decisions = new ArrayList<>();
      for (PodEndpoint e : network.endpoints()) {
        Decision d = network.decide(e, target);
        if (d.allowed()) {
          decisions.add(d);
        }
      }
    }
    for (Decision d : decisions) {
      if (wanted.any() || d.allows(wanted.protocol(), wanted.number())) {
        peers.add(peer(d.from(), d, wanted));
      }
    }
    sort(peers);
    Answer internet =
        target instanceof PodEndpoint pod ? internetAnswer(network, pod, wanted) : null;
    return new ListAnswer("who-can-reach", null, End.of(target), wanted.json(), peers, internet);
  }

  private static ListAnswer reachable(Network network, Endpoint source, Port wanted) {
    List<ReachJson.Peer> peers = new ArrayList<>();
    if (source instanceof ExternalEndpoint x && x.internet()) {
      for (PodEndpoint e : network.endpoints()) {
        Optional<InternetPaths.Path> path = network.internetPaths().pathTo(e, wanted.set());
        path.ifPresent(
            p ->
                peers.add(
                    new ReachJson.Peer(
                        End.of(e),
                        p.hops().get(p.hops().size() - 1).ports().describe(),
                        List.of(),
                        List.of(p.summary()))));
      }
      sort(peers);
      return new ListAnswer("reachable-from", End.of(source), null, wanted.json(), peers, null);
    }
    List<Decision> decisions =
        source instanceof PodEndpoint ? network.reachable(source) : new ArrayList<>();
    if (!(source instanceof PodEndpoint)) {
      for (PodEndpoint e : network.endpoints()) {
        Decision d = network.decide(source, e);
        if (d.allowed()) {
          decisions.add(d);
        }
      }
    }
    for (Decision d : decisions) {
      if (wanted.any() || d.allows(wanted.protocol(), wanted.number())) {
        peers.add(peer(d.to(), d, wanted));
      }
    }
    sort(peers);
    Answer internet = null;
    if (source instanceof PodEndpoint) {
      internet = answer(network, source, ExternalEndpoint.INTERNET, wanted);
    }
    return new ListAnswer("reachable-from", End.of(source), null, wanted.json(), peers, internet);
  }

  private static void sort(List<ReachJson.Peer> peers) {
    peers.sort(Comparator.comparing(p -> display(p.end())));
  }

  private static ReachJson.Peer peer(Endpoint other, Decision d, Port wanted) {
    PortSet ports = wanted.any() ? d.ports() : d.ports().intersect(wanted.set());
    return new ReachJson.Peer(
        End.of(other),
        ports.describe(),
        ReachJson.deciding(d, wanted.protocol(), wanted.number()),
        d.notEvaluated());
  }

  private static String display(End e) {
    return switch (e.kind()) {
      case "Internet" -> "the internet";
      case "Address" -> e.address();
      default -> e.namespace() + "/" + e.kind() + "/" + e.name();
    };
  }

  private static void printAnswer(PrintWriter out, Answer a) {
    String on = a.port() == null ? "any port" : a.port().protocol() + " " + a.port().port();
    String verdict = a.allowed() ? "ALLOWED" : "DENIED";
    if (a.allowed() && a.port() == null) {
      verdict += " on " + a.ports();
    }
    out.println(display(a.from()) + " -> " + display(a.to()) + " (" + on + "): " + verdict);
    if (!a.evaluated()) {
      out.println("  Not complete: CNI policies Rampart does not evaluate also apply.");
    }
    if (a.path() != null) {
      if (!a.path().isEmpty()) {
        out.println("  Path:");
        for (HopJson h : a.path()) {
          out.println("    " + h.explanation());
        }
      }
    } else {
      out.println("  egress:  " + sideLine(a.egress(), a.port()));
      out.println("  ingress: " + sideLine(a.ingress(), a.port()));
    }
    if (!a.decidingPolicies().isEmpty()) {
      out.println(
          "  Decided by: "
              + String.join(
                  ", ",
                  a.decidingPolicies().stream()
                      .map(p -> p.namespace() + "/" + p.name())
                      .distinct()
                      .toList()));
    }
    a.notEvaluated().forEach(n -> out.println("  " + n));
    a.notes().forEach(n -> out.println("  Note: " + n));
  }

  private static String sideLine(SideJson s, PortJson port) {
    if (!s.status().equals("isolated")) {
      return s.explanation();
    }
    List<String> rules = new ArrayList<>();
    for (ReachJson.RuleJson r : s.rules()) {
      rules.add(r.description());
    }
    String head = s.subject() + " is isolated by " + String.join(", ", s.isolatedBy());
    if (rules.isEmpty()) {
      return head + "; no rule admits the other end";
    }
    if (!s.allowed()) {
      return head
          + "; its rules admit the other end only on "
          + s.ports()
          + ": "
          + String.join("; ", rules);
    }
    return head + "; admitted by " + String.join("; ", rules);
  }

  private static void printList(PrintWriter out, ListAnswer a) {
    String on = a.port() == null ? "any port" : a.port().protocol() + " " + a.port().port();
    boolean who = a.question().equals("who-can-reach");
    String subject = display(who ? a.to() : a.from());
    out.println(
        (who ? "Who can reach " + subject : "What " + subject + " can reach")
            + " ("
            + on
            + "): "
            + a.peers().size()
            + (a.peers().size() == 1 ? " workload" : " workloads"));
    if (!a.peers().isEmpty()) {
      out.println();
      boolean internet = !who && a.from().kind().equals("Internet");
      Columns table = new Columns(who ? "FROM" : "TO", "PORTS", internet ? "PATH" : "DECIDED BY");
      for (ReachJson.Peer p : a.peers()) {
        String decided =
            p.decidingPolicies().isEmpty()
                ? (p.notEvaluated().isEmpty()
                    ? "not isolated"
                    : String.join("; ", p.notEvaluated()))
                : String.join(
                    ", ",
                    p.decidingPolicies().stream()
                        .map(x -> x.namespace() + "/" + x.name())
                        .distinct()
                        .toList());
        table.add(display(p.end()), p.ports(), decided);
      }
      table.print(out, "  ");
    }
    if (a.internet() != null) {
      out.println();
      printAnswer(out, a.internet());
    }
  }
}
