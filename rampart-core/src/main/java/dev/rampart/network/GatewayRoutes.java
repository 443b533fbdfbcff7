package dev.rampart.network;

import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Snapshot;
import dev.rampart.snapshot.Workload;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gateway API routes (HTTPRoute, GRPCRoute, TLSRoute, TCPRoute, UDPRoute) to the Services they send
 * traffic to, through the Gateways they attach to. A route attaches when its parent Gateway has a
 * listener (the one named by {@code sectionName}, or any) whose {@code allowedRoutes} admits the
 * route's namespace ({@code Same} by default); a backend in another namespace needs a
 * ReferenceGrant there. A Gateway is internal when its class is an internal one or every address it
 * asks for is private; a Gateway missing from the snapshot is assumed to face the internet.
 */
final class GatewayRoutes {

  static final String GROUP = "gateway.networking.k8s.io";

  private static final List<String> ROUTE_KINDS =
      List.of("HTTPRoute", "GRPCRoute", "TLSRoute", "TCPRoute", "UDPRoute");

  private final Snapshot snapshot;
  private final Exposure exposure;
  private final Namespaces namespaces;

  private GatewayRoutes(Snapshot snapshot, Exposure exposure) {
    this.snapshot = snapshot;
    this.exposure = exposure;
    this.namespaces = Namespaces.of(snapshot);
  }

  static void addAll(Snapshot snapshot, Exposure exposure) {
    GatewayRoutes g = new GatewayRoutes(snapshot, exposure);
    for (String kind : ROUTE_KINDS) {
      for (KubeObject route : snapshot.ofKind(kind)) {
        if (GROUP.equals(group(route)) && route.resource() instanceof GenericKubernetesResource) {
          g.route(route);
        }
      }
    }
  }

  private void route(KubeObject route) {
    String ns = Namespaces.nameOf(route.namespace());
    Map<String, Object> spec =
        map(((GenericKubernetesResource) route.resource()).getAdditionalProperties().get("spec"));
    List<Parent> parents = new ArrayList<>();
    for (Map<String, Object> ref : maps(spec.get("parentRefs"))) {
      String kind = string(ref.get("kind"), "Gateway");
      String group = string(ref.get("group"), GROUP);
      if (!"Gateway".equals(kind) || !GROUP.equals(group) || ref.get("name") == null) {
        continue;
      }
      String gwNamespace = string(ref.get("namespace"), ns);
      String name = String.valueOf(ref.get("name"));
      KubeObject gateway = gateway(gwNamespace, name);
      if (gateway == null) {
        parents.add(
            new Parent(
                null,
                Route.Reach.INTERNET,
                "Gateway "
                    + gwNamespace
                    + "/"
                    + name
                    + " is not in the snapshot: assumed to face the internet"));
      } else if (accepts(gateway, string(ref.get("sectionName"), null), ns)) {
        String internal = internal(gateway);
        parents.add(
            new Parent(
                gateway,
                internal == null ? Route.Reach.INTERNET : Route.Reach.PRIVATE_NETWORK,
                internal));
      }
    }
    if (parents.isEmpty()) {
      return;
    }
    for (Map<String, Object> rule : maps(spec.get("rules"))) {
      for (Map<String, Object> backend : maps(rule.get("backendRefs"))) {
        if (!"Service".equals(string(backend.get("kind"), "Service"))
            || !"".equals(string(backend.get("group"), ""))
            || backend.get("name") == null) {
          continue;
        }
        String backendNs = string(backend.get("namespace"), ns);
        String name = String.valueOf(backend.get("name"));
        if (!backendNs.equals(ns) && !granted(route.kind(), ns, backendNs, name)) {
          continue;
        }
        KubeObject service = snapshot.find("Service", backendNs, name).orElse(null);
        if (service == null) {
          continue;
        }
        Integer port = backend.get("port") instanceof Number n ? n.intValue() : null;
        for (Workload w : exposure.selected(service)) {
          PortSet podPorts = exposure.servicePortTargets(service, port, null, w);
          if (podPorts.isEmpty()) {
            continue;
          }
          for (Parent p : parents) {
            exposure.add(
                w.object(),
                new Route(
                    Route.Kind.GATEWAY_ROUTE,
                    p.reach(),
                    route.ref(),
                    service.ref(),
                    p.gateway() == null ? null : p.gateway().ref(),
                    List.of(),
                    podPorts,
                    hostnames(spec),
                    p.note()));
          }
        }
      }
    }
  }

  private record Parent(KubeObject gateway, Route.Reach reach, String note) {}

  private KubeObject gateway(String namespace, String name) {
    return snapshot
        .find("Gateway", namespace, name)
        .filter(g -> GROUP.equals(group(g)) && g.resource() instanceof GenericKubernetesResource)
        .orElse(null);
  }

  /** Whether a listener of the Gateway admits routes of namespace {@code routeNs}. */
  private boolean accepts(KubeObject gateway, String sectionName, String routeNs) {
    Map<String, Object> spec = spec(gateway);
    for (Map<String, Object> listener : maps(spec.get("listeners"))) {
      if (sectionName != null && !sectionName.equals(listener.get("name"))) {
        continue;
      }
      Map<String, Object> from = map(map(map(listener.get("allowedRoutes")).get("namespaces")));
      String mode = string(from.get("from"), "Same");
      boolean ok =
          switch (mode) {
            case "All" -> true;
            case "Selector" ->
                Selector.of(labelSelector(map(from.get("selector"))))
                    .matches(namespaces.labels(routeNs));
            default -> Namespaces.nameOf(gateway.namespace()).equals(routeNs);
          };
      if (ok) {
        return true;
      }
    }
    return false;
  }

  /** Why a Gateway is internal, or null. */
  private static String internal(KubeObject gateway) {
    Map<String, Object> spec = spec(gateway);
    String cls = string(spec.get("gatewayClassName"), "");
    if (cls.contains("internal") || cls.contains("rilb") || cls.equals("amazon-vpc-lattice")) {
      return "internal by its class " + cls;
    }
    List<Map<String, Object>> addresses = maps(spec.get("addresses"));
    if (!addresses.isEmpty()
        && addresses.stream()
            .allMatch(
                a ->
                    a.get("value") instanceof String v
                        && Cidr.isValid(v)
                        && Addresses.isPrivate(Cidr.parse(v)))) {
      return "every address of the Gateway is private";
    }
    return null;
  }

  /** Whether a ReferenceGrant in {@code toNs} lets routes of {@code fromNs} use the Service. */
  private boolean granted(String routeKind, String fromNs, String toNs, String service) {
    for (KubeObject grant : snapshot.ofKind("ReferenceGrant")) {
      if (!toNs.equals(Namespaces.nameOf(grant.namespace()))
          || !(grant.resource() instanceof GenericKubernetesResource)) {
        continue;
      }
      Map<String, Object> spec = spec(grant);
      boolean from =
          maps(spec.get("from")).stream()
              .anyMatch(
                  f ->
                      GROUP.equals(f.get("group"))
                          && routeKind.equals(f.get("kind"))
                          && fromNs.equals(f.get("namespace")));
      boolean to =
          maps(spec.get("to")).stream()
              .anyMatch(
                  t ->
                      "".equals(string(t.get("group"), ""))
                          && "Service".equals(t.get("kind"))
                          && (t.get("name") == null || service.equals(t.get("name"))));
      if (from && to) {
        return true;
      }
    }
    return false;
  }

  private static String hostnames(Map<String, Object> spec) {
    Object hosts = spec.get("hostnames");
    if (hosts instanceof List<?> list && !list.isEmpty()) {
      return String.join(", ", list.stream().map(String::valueOf).toList());
    }
    return "any host";
  }

  private static LabelSelector labelSelector(Map<String, Object> m) {
    LabelSelector s = new LabelSelector();
    Map<String, String> labels = new LinkedHashMap<>();
    map(m.get("matchLabels")).forEach((k, v) -> labels.put(k, String.valueOf(v)));
    s.setMatchLabels(labels);
    List<LabelSelectorRequirement> exprs = new ArrayList<>();
    for (Map<String, Object> e : maps(m.get("matchExpressions"))) {
      List<String> values = new ArrayList<>();
      if (e.get("values") instanceof List<?> l) {
        l.forEach(v -> values.add(String.valueOf(v)));
      }
      exprs.add(
          new LabelSelectorRequirement(
              string(e.get("key"), null), string(e.get("operator"), null), values));
    }
    s.setMatchExpressions(exprs);
    return s;
  }

  private static Map<String, Object> spec(KubeObject o) {
    return map(((GenericKubernetesResource) o.resource()).getAdditionalProperties().get("spec"));
  }

  static String group(KubeObject o) {
    String v = o.resource().getApiVersion();
    return v == null || v.indexOf('/') < 0 ? "" : v.substring(0, v.indexOf('/'));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  private static List<Map<String, Object>> maps(Object o) {
    List<Map<String, Object>> out = new ArrayList<>();
    if (o instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?>) {
          out.add(map(item));
        }
      }
    }
    return out;
  }

  private static String string(Object o, String fallback) {
    return o == null ? fallback : String.valueOf(o);
  }
}
