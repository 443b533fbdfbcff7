package dev.rampart.network;

import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Snapshot;
import dev.rampart.snapshot.Workload;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressServiceBackend;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How traffic from outside a workload's pods reaches them, for every workload: the internet (a
 * LoadBalancer that is not internal by its cloud annotations, a NodePort, external IPs, an Ingress,
 * a Gateway API route attached to a Gateway, a hostPort or the host network on nodes with public
 * addresses), a private network (internal load balancers, source ranges that are all private), or
 * the cluster only (ClusterIP Services). Every route carries its evidence.
 *
 * <p>Routes say what is open, not what NetworkPolicy admits on the way: {@link InternetPaths}
 * combines both.
 */
public final class Exposure {

  /** The widest reach of a workload. */
  public enum Level {
    /** Some route is open to the internet. */
    INTERNET,
    /** Reachable inside the cluster (or from a private network) only. */
    CLUSTER,
    /** No Service selects it and it declares no port: nothing is known to listen. */
    NONE
  }

  /**
   * Annotations that keep a LoadBalancer off the internet, with the values that mean "internal" (an
   * empty set: any value).
   */
  private static final Map<String, Set<String>> INTERNAL_LB =
      Map.ofEntries(
          Map.entry(
              "service.beta.kubernetes.io/aws-load-balancer-internal", Set.of("true", "0.0.0.0/0")),
          Map.entry("service.beta.kubernetes.io/aws-load-balancer-scheme", Set.of("internal")),
          Map.entry("networking.gke.io/load-balancer-type", Set.of("Internal", "internal")),
          Map.entry("cloud.google.com/load-balancer-type", Set.of("Internal", "internal")),
          Map.entry("service.beta.kubernetes.io/azure-load-balancer-internal", Set.of("true")),
          Map.entry("service.beta.kubernetes.io/oci-load-balancer-internal", Set.of("true")),
          Map.entry("oci.oraclecloud.com/oci-network-load-balancer-internal", Set.of("true")),
          Map.entry("service.beta.kubernetes.io/openstack-internal-load-balancer", Set.of("true")),
          Map.entry(
              "service.kubernetes.io/ibm-load-balancer-cloud-provider-ip-type", Set.of("private")),
          Map.entry(
              "service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type",
              Set.of("intranet")),
          Map.entry("service.kubernetes.io/qcloud-loadbalancer-internal-subnetid", Set.of()),
          Map.entry("load-balancer.hetzner.cloud/disable-public-network", Set.of("true")));

  private static final String SOURCE_RANGES_ANNOTATION =
      "service.beta.kubernetes.io/load-balancer-source-ranges";

  /** Ingress annotations that restrict clients to address ranges. */
  private static final List<String> INGRESS_ALLOW_LISTS =
      List.of(
          "nginx.ingress.kubernetes.io/whitelist-source-range",
          "nginx.ingress.kubernetes.io/allowlist-source-range",
          "alb.ingress.kubernetes.io/inbound-cidrs",
          "haproxy.org/allow-list",
          "ingress.kubernetes.io/whitelist-source-range");

  private final Snapshot snapshot;
  private final Map<String, List<Workload>> workloadsByNamespace = new HashMap<>();
  private final Map<KubeObject, Workload> workloads = new IdentityHashMap<>();
  private final Map<KubeObject, Set<Route>> routes = new IdentityHashMap<>();
  private final Route.Reach nodeReach;
  private final String nodeNote;

  private Exposure(Snapshot snapshot) {
    this.snapshot = snapshot;
    for (Workload w : snapshot.workloads()) {
      workloadsByNamespace
          .computeIfAbsent(Namespaces.nameOf(w.namespace()), k -> new ArrayList<>())
          .add(w);
      workloads.put(w.object(), w);
    }
    List<KubeObject> nodes = snapshot.ofKind("Node");
    boolean anyPublic = false;
    for (KubeObject n : nodes) {
      anyPublic |= hasPublicAddress(n.as(Node.class));
    }
    if (nodes.isEmpty()) {
      nodeReach = Route.Reach.INTERNET;
      nodeNote = "no Node in the snapshot: nodes assumed to have public addresses";
    } else if (anyPublic) {
      nodeReach = Route.Reach.INTERNET;
      nodeNote = null;
    } else {
      nodeReach = Route.Reach.PRIVATE_NETWORK;
      nodeNote = "no node has a public address";
    }
  }

  public static Exposure of(Snapshot snapshot) {
    Exposure e = new Exposure(snapshot);
    e.services();
    e.hosts();
    e.ingresses();
    GatewayRoutes.addAll(snapshot, e);
    return e;
  }

  /** Every route to a workload (a top-level workload of the snapshot). */
  public List<Route> routes(KubeObject workload) {
    return List.copyOf(routes.getOrDefault(workload, Set.of()));
  }

  /** The routes open to the internet. */
  public List<Route> routesFromInternet(KubeObject workload) {
    return routes(workload).stream().filter(Route::internet).toList();
  }

  /** How the internet reaches this workload, in words; empty when it does not. */
  public Set<String> internetRoutes(KubeObject workload) {
    Set<String> names = new LinkedHashSet<>();
    routesFromInternet(workload).forEach(r -> names.add(r.describe()));
    return names;
  }

  public Level level(KubeObject workload) {
    List<Route> all = routes(workload);
    if (all.stream().anyMatch(Route::internet)) {
      return Level.INTERNET;
    }
    Workload w = workloads.get(workload);
    boolean declaresPorts = w != null && !PodEndpoints.ports(w).isEmpty();
    return all.isEmpty() && !declaresPorts ? Level.NONE : Level.CLUSTER;
  }

  /**
   * Whether something is known to listen in the workload's pods: it declares a port, or a route
   * reaches known ports (a Service's target, a probed port of the host network).
   */
  public boolean listens(KubeObject workload) {
    Workload w = workloads.get(workload);
    if (w != null && !PodEndpoints.ports(w).isEmpty()) {
      return true;
    }
    return routes(workload).stream().anyMatch(r -> !r.podPorts().isAll());
  }

  /** Whether a LoadBalancer's annotations keep it off the internet. */
  public static boolean isInternal(Map<String, String> annotations) {
    return internalAnnotation(annotations) != null;
  }

  private static String internalAnnotation(Map<String, String> annotations) {
    for (Map.Entry<String, Set<String>> e : INTERNAL_LB.entrySet()) {
      String value = annotations.get(e.getKey());
      if (value != null && (e.getValue().isEmpty() || e.getValue().contains(value.trim()))) {
        return e.getKey() + ": " + value.trim();
      }
    }
    return null;
  }

  private void services() {
    for (KubeObject o : snapshot.ofKind("Service")) {
      Service s = o.as(Service.class);
      if (s.getSpec() == null) {
        continue;
      }
      String type = s.getSpec().getType() == null ? "ClusterIP" : s.getSpec().getType();
      List<String> externalIps =
          s.getSpec().getExternalIPs() == null ? List.of() : s.getSpec().getExternalIPs();
      switch (type) {
        case "LoadBalancer" -> {
          String internal = internalAnnotation(o.annotations());
          List<String> ranges = new ArrayList<>();
          if (s.getSpec().getLoadBalancerSourceRanges() != null) {
            ranges.addAll(s.getSpec().getLoadBalancerSourceRanges());
          }
          if (ranges.isEmpty()) {
            ranges.addAll(split(o.annotations().get(SOURCE_RANGES_ANNOTATION)));
          }
          if (internal != null) {
            serviceRoute(
                o,
                Route.Kind.LOAD_BALANCER,
                Route.Reach.PRIVATE_NETWORK,
                List.of(),
                "internal by annotation " + internal);
          } else {
            Route.Reach reach = narrowed(ranges);
            serviceRoute(
                o,
                Route.Kind.LOAD_BALANCER,
                reach,
                ranges,
                reach == Route.Reach.PRIVATE_NETWORK ? "every source range is private" : null);
          }
        }
        case "NodePort" -> serviceRoute(o, Route.Kind.NODE_PORT, nodeReach, List.of(), nodeNote);
        case "ExternalName" -> {}
        default -> serviceRoute(o, Route.Kind.CLUSTER_IP, Route.Reach.CLUSTER, List.of(), null);
      }
      if (!externalIps.isEmpty()) {
        boolean allPrivate =
            externalIps.stream()
                .allMatch(ip -> Cidr.isValid(ip) && Addresses.isPrivate(Cidr.parse(ip)));
        serviceRoute(
            o,
            Route.Kind.EXTERNAL_IP,
            allPrivate ? Route.Reach.PRIVATE_NETWORK : Route.Reach.INTERNET,
            List.of(),
            "externalIPs " + String.join(", ", externalIps));
      }
    }
  }

  private void serviceRoute(
      KubeObject service, Route.Kind kind, Route.Reach reach, List<String> ranges, String note) {
    Service s = service.as(Service.class);
    List<ServicePort> ports = s.getSpec().getPorts() == null ? List.of() : s.getSpec().getPorts();
    for (Workload w : selected(service)) {
      PortSet podPorts = PortSet.NONE;
      List<String> exposed = new ArrayList<>();
      for (ServicePort p : ports) {
        PortSet target = targetPorts(p, w);
        if (target.isEmpty()) {
          continue;
        }
        podPorts = podPorts.union(target);
        String proto = p.getProtocol() == null ? "TCP" : p.getProtocol();
        if (kind == Route.Kind.NODE_PORT && p.getNodePort() != null) {
          exposed.add("node port " + p.getNodePort() + "/" + proto);
        } else {
          exposed.add(p.getPort() + "/" + proto);
        }
      }
      if (!podPorts.isEmpty()) {
        add(
            w.object(),
            new Route(
                kind,
                reach,
                service.ref(),
                service.ref(),
                null,
                ranges,
                podPorts,
                String.join(", ", exposed),
                note));
      }
    }
  }

  /** The workloads a Service's selector picks in its namespace (none without a selector). */
  List<Workload> selected(KubeObject service) {
    Service s = service.as(Service.class);
    Map<String, String> selector = s.getSpec() == null ? null : s.getSpec().getSelector();
    if (selector == null || selector.isEmpty()) {
      return List.of();
    }
    List<Workload> result = new ArrayList<>();
    for (Workload w :
        workloadsByNamespace.getOrDefault(Namespaces.nameOf(service.namespace()), List.of())) {
      if (w.podLabels().entrySet().containsAll(selector.entrySet())) {
        result.add(w);
      }
    }
    return result;
  }

  /** The pod ports a Service port forwards to: its targetPort, by number or by name. */
  static PortSet targetPorts(ServicePort p, Workload w) {
    Protocol protocol = Protocol.parse(p.getProtocol()).orElse(Protocol.TCP);
    IntOrString target = p.getTargetPort();
    if (target == null || (target.getIntVal() == null && target.getStrVal() == null)) {
      return p.getPort() == null ? PortSet.NONE : PortSet.port(protocol, p.getPort());
    }
    if (target.getIntVal() != null) {
      return PortSet.port(protocol, target.getIntVal());
    }
    return new PolicyPort(protocol, null, target.getStrVal(), null, null)
        .resolve(PodEndpoints.ports(w));
  }

  private void ingresses() {
    IngressControllers controllers = new IngressControllers(snapshot);
    for (KubeObject o : snapshot.ofKind("Ingress")) {
      if (!(o.resource() instanceof Ingress ingress) || ingress.getSpec() == null) {
        continue;
      }
      List<String> ranges = new ArrayList<>();
      for (String a : INGRESS_ALLOW_LISTS) {
        ranges.addAll(split(o.annotations().get(a)));
      }
      Route.Reach reach = narrowed(ranges);
      String note = reach == Route.Reach.PRIVATE_NETWORK ? "every allowed range is private" : null;
      String internal = internalIngress(o, ingress);
      if (internal != null) {
        reach = Route.Reach.PRIVATE_NETWORK;
        note = internal;
      } else if (reach == Route.Reach.INTERNET) {
        List<Workload> serving = controllers.serving(o);
        if (!serving.isEmpty()
            && serving.stream().noneMatch(c -> !routesFromInternet(c.object()).isEmpty())) {
          reach = Route.Reach.PRIVATE_NETWORK;
          note =
              "its controller "
                  + serving.get(0).object().ref().display()
                  + " is not exposed to the internet";
        } else if (serving.isEmpty()) {
          note = "no controller for it in the snapshot: assumed to face the internet";
        }
      }
      for (IngressServiceBackend backend : backends(ingress)) {
        KubeObject service =
            snapshot.find("Service", o.namespace(), backend.getName()).orElse(null);
        if (service == null) {
          continue;
        }
        for (Workload w : selected(service)) {
          PortSet podPorts =
              servicePortTargets(
                  service,
                  backend.getPort() == null ? null : backend.getPort().getNumber(),
                  backend.getPort() == null ? null : backend.getPort().getName(),
                  w);
          if (!podPorts.isEmpty()) {
            add(
                w.object(),
                new Route(
                    Route.Kind.INGRESS,
                    reach,
                    o.ref(),
                    service.ref(),
                    null,
                    ranges,
                    podPorts,
                    hosts(ingress),
                    note));
          }
        }
      }
    }
  }

  /** The pod ports behind one port of a Service, given by number or name (null: every port). */
  PortSet servicePortTargets(KubeObject service, Integer number, String name, Workload w) {
    Service s = service.as(Service.class);
    PortSet result = PortSet.NONE;
    if (s.getSpec() == null || s.getSpec().getPorts() == null) {
      return result;
    }
    for (ServicePort p : s.getSpec().getPorts()) {
      boolean match =
          (number == null && name == null)
              || (number != null && number.equals(p.getPort()))
              || (name != null && name.equals(p.getName()));
      if (match) {
        result = result.union(targetPorts(p, w));
      }
    }
    return result;
  }

  private static String internalIngress(KubeObject o, Ingress ingress) {
    Map<String, String> a = o.annotations();
    if ("internal".equals(a.get("alb.ingress.kubernetes.io/scheme"))) {
      return "internal by annotation alb.ingress.kubernetes.io/scheme: internal";
    }
    String cls =
        ingress.getSpec().getIngressClassName() != null
            ? ingress.getSpec().getIngressClassName()
            : a.get("kubernetes.io/ingress.class");
    if ("gce-internal".equals(cls)) {
      return "internal by its class gce-internal";
    }
    return null;
  }

  private static String hosts(Ingress ingress) {
    Set<String> hosts = new LinkedHashSet<>();
    if (ingress.getSpec().getRules() != null) {
      for (IngressRule r : ingress.getSpec().getRules()) {
        hosts.add(r.getHost() == null ? "*" : r.getHost());
      }
    }
    return hosts.isEmpty() ? "any host" : String.join(", ", hosts);
  }

  private static List<IngressServiceBackend> backends(Ingress ingress) {
    List<IngressServiceBackend> result = new ArrayList<>();
    addBackend(result, ingress.getSpec().getDefaultBackend());
    if (ingress.getSpec().getRules() != null) {
      for (IngressRule rule : ingress.getSpec().getRules()) {
        if (rule.getHttp() != null && rule.getHttp().getPaths() != null) {
          for (HTTPIngressPath path : rule.getHttp().getPaths()) {
            addBackend(result, path.getBackend());
          }
        }
      }
    }
    return result;
  }

  private static void addBackend(List<IngressServiceBackend> result, IngressBackend backend) {
    if (backend != null && backend.getService() != null && backend.getService().getName() != null) {
      result.add(backend.getService());
    }
  }

  private void hosts() {
    for (Workload w : snapshot.workloads()) {
      boolean hostNetwork = Boolean.TRUE.equals(w.spec().getHostNetwork());
      List<PodPort> ports = PodEndpoints.ports(w);
      if (hostNetwork) {
        PortSet listening = PortSet.NONE;
        for (PodPort p : ports) {
          listening = listening.union(PortSet.port(p.protocol(), p.number()));
        }
        listening = listening.union(probePorts(w));
        String note =
            listening.isEmpty() ? "no port declared or probed: any port it listens on" : nodeNote;
        add(
            w.object(),
            new Route(
                Route.Kind.HOST_NETWORK,
                nodeReach,
                w.object().ref(),
                null,
                null,
                List.of(),
                listening.isEmpty() ? PortSet.ALL : listening,
                "the node's addresses",
                note));
        continue;
      }
      for (PodPort p : ports) {
        if (p.hostPort() > 0) {
          add(
              w.object(),
              new Route(
                  Route.Kind.HOST_PORT,
                  nodeReach,
                  w.object().ref(),
                  null,
                  null,
                  List.of(),
                  PortSet.port(p.protocol(), p.number()),
                  "hostPort " + p.hostPort() + "/" + p.protocol(),
                  nodeNote));
        }
      }
    }
  }

  /**
   * The TCP ports the containers' probes check: what a process on the host network listens on, when
   * it declares no port (the control plane's static pods do not). A container that binds to the
   * loopback address ({@code --bind-address=127.0.0.1}), or, without that flag, a probe of the
   * loopback address, listens on the node only.
   */
  private static PortSet probePorts(Workload w) {
    PortSet ports = PortSet.NONE;
    if (w.spec().getContainers() == null) {
      return ports;
    }
    for (Container c : w.spec().getContainers()) {
      String bind = flag(c, "--bind-address=");
      if (bind != null && isLoopback(bind)) {
        continue;
      }
      for (Probe p :
          Arrays.asList(c.getLivenessProbe(), c.getReadinessProbe(), c.getStartupProbe())) {
        if (p == null) {
          continue;
        }
        IntOrString port = null;
        String host = null;
        if (p.getHttpGet() != null) {
          port = p.getHttpGet().getPort();
          host = p.getHttpGet().getHost();
        } else if (p.getTcpSocket() != null) {
          port = p.getTcpSocket().getPort();
          host = p.getTcpSocket().getHost();
        } else if (p.getGrpc() != null && p.getGrpc().getPort() != null) {
          port = new IntOrString(p.getGrpc().getPort());
        }
        boolean local = bind == null && host != null && isLoopback(host);
        if (port != null && port.getIntVal() != null && !local) {
          ports = ports.union(PortSet.port(Protocol.TCP, port.getIntVal()));
        }
      }
    }
    return ports;
  }

  private static String flag(Container c, String prefix) {
    List<String> words = new ArrayList<>();
    if (c.getCommand() != null) {
      words.addAll(c.getCommand());
    }
    if (c.getArgs() != null) {
      words.addAll(c.getArgs());
    }
    for (String word : words) {
      if (word != null && word.startsWith(prefix)) {
        return word.substring(prefix.length());
      }
    }
    return null;
  }

  private static boolean isLoopback(String host) {
    return host.startsWith("127.") || host.equals("localhost") || host.equals("::1");
  }

  void add(KubeObject workload, Route route) {
    routes.computeIfAbsent(workload, k -> new LinkedHashSet<>()).add(route);
  }

  Snapshot snapshot() {
    return snapshot;
  }

  /**
   * The reach of a route limited to {@code ranges}: the internet when unlimited or when some range
   * is public (or unreadable: Rampart does not assume it private); a private network when every
   * range is private.
   */
  static Route.Reach narrowed(List<String> ranges) {
    if (ranges.isEmpty()) {
      return Route.Reach.INTERNET;
    }
    for (String r : ranges) {
      if (!Cidr.isValid(r) || !Addresses.isPrivate(Cidr.parse(r))) {
        return Route.Reach.INTERNET;
      }
    }
    return Route.Reach.PRIVATE_NETWORK;
  }

  static List<String> split(String value) {
    List<String> out = new ArrayList<>();
    if (value != null) {
      for (String s : value.split("[,\\s]+")) {
        if (!s.isBlank()) {
          out.add(s.strip());
        }
      }
    }
    return out;
  }

  private static boolean hasPublicAddress(Node node) {
    if (node.getStatus() == null || node.getStatus().getAddresses() == null) {
      return false;
    }
    for (NodeAddress a : node.getStatus().getAddresses()) {
      boolean ip = a.getAddress() != null && Cidr.isValid(a.getAddress());
      if (ip
          && ("ExternalIP".equals(a.getType()) || "InternalIP".equals(a.getType()))
          && !Addresses.isPrivate(Cidr.parse(a.getAddress()))) {
        return true;
      }
    }
    return false;
  }

  /** A workload of the snapshot by its object, for the helpers of this package. */
  Workload workload(KubeObject object) {
    return workloads.get(object);
  }
}
