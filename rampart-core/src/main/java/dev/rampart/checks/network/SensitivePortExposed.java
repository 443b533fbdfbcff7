package dev.rampart.checks.network;

import dev.rampart.checks.Category;
import dev.rampart.checks.Check;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Results;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.network.CniPolicy;
import dev.rampart.network.InternetPaths;
import dev.rampart.network.Network;
import dev.rampart.network.PodEndpoint;
import dev.rampart.network.PodPort;
import dev.rampart.network.Protocol;
import dev.rampart.network.Route;
import dev.rampart.network.SensitivePorts;
import dev.rampart.snapshot.ContainerView;
import dev.rampart.snapshot.Snapshot;
import dev.rampart.snapshot.Workload;
import dev.rampart.snapshot.Workloads;
import io.fabric8.kubernetes.api.model.ContainerPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

@CheckInfo(
    id = "sensitive-port-exposed",
    title = "Sensitive port is open to the internet or to every namespace",
    severity = Severity.HIGH,
    category = Category.NETWORK,
    frameworks = {"nsa-cisa:network-separation", "mitre:t1190", "mitre:t1133", "mitre:t1046"},
    why =
        """
        etcd, the kubelet and API server ports, databases, caches and message brokers hold the \
        cluster's state and the business's data, and many trust whoever reaches them (Redis and \
        Elasticsearch without authentication, a kubelet with anonymous access). Open to the \
        internet they are found by mass scanners within hours; open to every namespace, one \
        compromised pod anywhere reaches them.""",
    remediation =
        """
        Keep the Service ClusterIP and remove public load balancers, node ports, host ports and \
        Ingress routes to the port; add a NetworkPolicy that admits only the clients that need \
        the port (by pod and namespace selector), on that port only.""",
    notes =
        """
        Ports are those the workload's containers declare and those its Services target by \
        number; control-plane ports (etcd, API server, kubelet, controller manager, scheduler, \
        cAdvisor) count only when the image or container name shows that component, since other \
        software reuses them (metrics-server serves on 10250). "Every namespace" means that the workload's ingress admits a new pod without \
        labels from any namespace of the cluster and from a namespace Rampart does not know; the \
        sources' egress policies are left out, since an attacker picks a source they do not \
        restrict. Internet exposure counts \
        only routes NetworkPolicy admits. Ports that many applications share by convention \
        (3000, 8080, 9090) name no service and are not checked; admin dashboards are the \
        exposed-admin-dashboard check's job. Workloads of namespaces covered by CNI policies are \
        not evaluated for the every-namespace case.""")
public final class SensitivePortExposed implements Check {

  @Override
  public Set<String> requires() {
    return NetworkKinds.ALL;
  }

  @Override
  public void run(Snapshot snapshot, CheckContext context, Results results) {
    Network network = Network.of(snapshot);
    InternetPaths internet = network.internetPaths();
    for (PodEndpoint e : network.endpoints()) {
      TreeSet<Integer> ports = candidatePorts(network, e);
      if (ports.isEmpty()) {
        results.notApplicable(e.object(), "no sensitive port");
        continue;
      }
      Optional<InternetPaths.Entry> entry = internet.entry(e);
      List<CniPolicy> cni = network.cniPoliciesCovering(e.namespace());
      List<Violation> found = new ArrayList<>();
      for (int port : ports) {
        String service = SensitivePorts.service(Protocol.TCP, port, software(e)).orElseThrow();
        String what = "TCP " + port + " (" + service + ")";
        Optional<Route> route =
            entry
                .filter(x -> x.ports().contains(Protocol.TCP, port))
                .flatMap(
                    x ->
                        x.routes().stream()
                            .filter(r -> r.podPorts().contains(Protocol.TCP, port))
                            .findFirst());
        if (route.isPresent()) {
          found.add(
              new Violation(
                  e.object(),
                  container(e, port),
                  field(e, port),
                  route.get().describe(),
                  what + " is open to the internet via " + route.get().describe(),
                  null));
        } else if (!cni.isEmpty()) {
          results.notEvaluated(cni.get(0).reason(e.namespace()));
        } else if (network.admitsEveryNamespace(e, Protocol.TCP, port)) {
          found.add(
              new Violation(
                  e.object(),
                  container(e, port),
                  field(e, port),
                  "every namespace",
                  what
                      + " accepts connections from pods of every namespace: no NetworkPolicy"
                      + " restricts who connects",
                  null));
        }
      }
      if (found.isEmpty()) {
        results.pass(e.object());
      } else {
        found.forEach(results::fail);
      }
    }
  }

  /** Declared container ports and numeric Service targets that name a sensitive service. */
  private static TreeSet<Integer> candidatePorts(Network network, PodEndpoint e) {
    TreeSet<Integer> ports = new TreeSet<>();
    String software = software(e);
    for (PodPort p : e.ports()) {
      if (SensitivePorts.service(p.protocol(), p.number(), software).isPresent()) {
        ports.add(p.number());
      }
    }
    for (Route r : network.exposure().routes(e.object())) {
      if (r.podPorts().isAll()) {
        continue;
      }
      for (int[] range : r.podPorts().ranges(Protocol.TCP)) {
        for (int port = range[0]; port <= range[1] && port - range[0] < 1024; port++) {
          if (SensitivePorts.service(Protocol.TCP, port, software).isPresent()) {
            ports.add(port);
          }
        }
      }
    }
    return ports;
  }

  /** The images and container names of the workload, to recognize control-plane components. */
  private static String software(PodEndpoint e) {
    StringBuilder sb = new StringBuilder(e.name());
    Workloads.of(e.object())
        .ifPresent(
            w -> {
              if (w.spec().getContainers() != null) {
                w.spec()
                    .getContainers()
                    .forEach(
                        c -> sb.append(' ').append(c.getName()).append(' ').append(c.getImage()));
              }
            });
    return sb.toString();
  }

  /**
   * The declared container port's JSON path, or {@code ports[TCP/6379]} for a port only a Service
   * targets: one finding per port, each with its own fingerprint.
   */
  private static String field(PodEndpoint e, int port) {
    Optional<Workload> w = Workloads.of(e.object());
    if (w.isPresent()) {
      for (ContainerView c : w.get().containers()) {
        for (int i = 0; i < c.ports().size(); i++) {
          ContainerPort p = c.ports().get(i);
          boolean tcp = p.getProtocol() == null || "TCP".equals(p.getProtocol());
          if (tcp && p.getContainerPort() != null && p.getContainerPort() == port) {
            return c.field("ports[" + i + "]");
          }
        }
      }
    }
    return "ports[TCP/" + port + "]";
  }

  private static String container(PodEndpoint e, int port) {
    for (PodPort p : e.ports()) {
      if (p.number() == port && p.protocol() == Protocol.TCP) {
        return p.container();
      }
    }
    return null;
  }
}
