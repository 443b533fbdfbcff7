package dev.rampart.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Snapshot;
import dev.rampart.source.file.ManifestReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A small cluster written inline, and its expected reachability as a table, one connection a line:
 * {@code FROM -> TO PROTO/PORT allow|deny}. An end is {@code namespace/workload}, {@code internet}
 * or an address ({@code 8.8.8.8}, {@code 2001:db8::1}). Every pod-to-pod line is checked against
 * both the direct evaluation and the grouped engine.
 */
final class NetFixture {

  private final Snapshot snapshot;
  private final Network network;

  private NetFixture(Snapshot snapshot) {
    this.snapshot = snapshot;
    this.network = Network.of(snapshot);
  }

  static NetFixture of(String... documents) {
    String yaml = String.join("\n---\n", documents);
    ManifestReader.Result read =
        new ManifestReader()
            .read("fixture.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    assertThat(read.problems()).as("fixture parse problems").isEmpty();
    return new NetFixture(new Snapshot("test", read.objects(), List.of()));
  }

  /**
   * A pod: {@code pod("a", "web", "app=web,tier=front", "http:8080", "dns:53/UDP")}. Labels are
   * comma-separated; ports are {@code [name:]number[/PROTOCOL]}.
   */
  static String pod(String namespace, String name, String labels, String... ports) {
    StringBuilder y = new StringBuilder();
    y.append("apiVersion: v1\nkind: Pod\nmetadata:\n  name: ")
        .append(name)
        .append("\n  namespace: ")
        .append(namespace)
        .append("\n  labels: {")
        .append(labels.isEmpty() ? "" : labels.replace("=", ": "))
        .append("}\nspec:\n  containers:\n  - name: c\n    image: app:1\n    ports:");
    if (ports.length == 0) {
      y.append(" []");
    }
    for (String p : ports) {
      String name0 = null;
      String rest = p;
      if (p.contains(":")) {
        name0 = p.substring(0, p.indexOf(':'));
        rest = p.substring(p.indexOf(':') + 1);
      }
      String proto = "TCP";
      if (rest.contains("/")) {
        proto = rest.substring(rest.indexOf('/') + 1);
        rest = rest.substring(0, rest.indexOf('/'));
      }
      y.append("\n    - {containerPort: ").append(rest).append(", protocol: ").append(proto);
      if (name0 != null) {
        y.append(", name: ").append(name0);
      }
      y.append("}");
    }
    return y.append('\n').toString();
  }

  static String namespace(String name, String labels) {
    return "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: "
        + name
        + "\n  labels: {"
        + labels.replace("=", ": ")
        + "}\n";
  }

  Network network() {
    return network;
  }

  Snapshot snapshot() {
    return snapshot;
  }

  Endpoint end(String token) {
    if (token.equals("internet")) {
      return ExternalEndpoint.INTERNET;
    }
    if (Cidr.isValid(token)) {
      return ExternalEndpoint.of(Cidr.parse(token));
    }
    return pod(token);
  }

  PodEndpoint pod(String token) {
    String[] parts = token.split("/");
    for (KubeObject o : snapshot.objects()) {
      if (o.name().equals(parts[1]) && parts[0].equals(Namespaces.nameOf(o.namespace()))) {
        var e = network.endpoint(o);
        if (e.isPresent()) {
          return e.get();
        }
      }
    }
    throw new IllegalArgumentException("no workload " + token);
  }

  Decision decide(String from, String to) {
    return network.decide(end(from), end(to));
  }

  /** Checks every line of the table; reports all mismatches at once. */
  NetFixture expect(String table) {
    List<String> wrong = new ArrayList<>();
    for (String raw : table.strip().split("\n")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] t = line.split("\\s+");
      if (t.length != 5 || !t[1].equals("->")) {
        throw new IllegalArgumentException("bad table line: " + line);
      }
      Protocol protocol = Protocol.valueOf(t[3].substring(0, t[3].indexOf('/')));
      int port = Integer.parseInt(t[3].substring(t[3].indexOf('/') + 1));
      boolean expected =
          switch (t[4]) {
            case "allow" -> true;
            case "deny" -> false;
            default -> throw new IllegalArgumentException("allow or deny: " + line);
          };
      Endpoint from = end(t[0]);
      Endpoint to = end(t[2]);
      boolean direct = network.decide(from, to).allows(protocol, port);
      if (direct != expected) {
        wrong.add(line + "  (direct evaluation says " + (direct ? "allow" : "deny") + ")");
      }
      if (from instanceof PodEndpoint a
          && to instanceof PodEndpoint b
          && network.endpoints().contains(a)
          && network.endpoints().contains(b)) {
        boolean grouped = network.reachability().ports(a, b).contains(protocol, port);
        if (grouped != expected) {
          wrong.add(line + "  (grouped engine says " + (grouped ? "allow" : "deny") + ")");
        }
      }
    }
    assertThat(wrong).as("connections decided wrongly").isEmpty();
    return this;
  }
}
