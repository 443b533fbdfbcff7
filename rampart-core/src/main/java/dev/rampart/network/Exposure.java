package dev.rampart.network;

import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Snapshot;
import dev.rampart.snapshot.Workload;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which workloads the internet can reach, and through what: a LoadBalancer Service that is not
 * internal by its cloud annotations, a NodePort Service, or an Ingress, each selecting the
 * workload's pods. (NetworkPolicy and the full exposure model are the network analysis's job.)
 */
public final class Exposure {

  /**
   * Annotations (and the values that mean "internal") that keep a LoadBalancer off the internet.
   */
  private static final Map<String, Set<String>> INTERNAL_LB =
      Map.of(
          "service.beta.kubernetes.io/aws-load-balancer-internal", Set.of("true", "0.0.0.0/0"),
          "service.beta.kubernetes.io/aws-load-balancer-scheme", Set.of("internal"),
          "networking.gke.io/load-balancer-type", Set.of("Internal"),
          "cloud.google.com/load-balancer-type", Set.of("Internal", "internal"),
          "service.beta.kubernetes.io/azure-load-balancer-internal", Set.of("true"),
          "service.beta.kubernetes.io/oci-load-balancer-internal", Set.of("true"),
          "service.beta.kubernetes.io/openstack-internal-load-balancer", Set.of("true"),
          "service.kubernetes.io/ibm-load-balancer-cloud-provider-ip-type", Set.of("private"),
          "service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type", Set.of("intranet"));

  private final Map<KubeObject, Set<String>> routes = new IdentityHashMap<>();

  private Exposure() {}

  public static Exposure of(Snapshot snapshot) {
    Exposure exposure = new Exposure();
    List<Workload> workloads = snapshot.workloads();
    for (KubeObject o : snapshot.ofKind("Service")) {
      Service service = o.as(Service.class);
      String type = service.getSpec() == null ? null : service.getSpec().getType();
      if ("NodePort".equals(type)
          || ("LoadBalancer".equals(type) && !isInternal(o.annotations()))) {
        exposure.addRoute(o, workloads, o.ref().display() + " (" + type + ")");
      }
    }
    for (KubeObject o : snapshot.ofKind("Ingress")) {
      for (String serviceName : backends(o.as(Ingress.class))) {
        snapshot
            .find("Service", o.namespace(), serviceName)
            .ifPresent(
                s ->
                    exposure.addRoute(
                        s, workloads, o.ref().display() + " via Service " + serviceName));
      }
    }
    return exposure;
  }

  public static boolean isInternal(Map<String, String> annotations) {
    for (Map.Entry<String, Set<String>> e : INTERNAL_LB.entrySet()) {
      String value = annotations.get(e.getKey());
      if (value != null && e.getValue().contains(value.trim())) {
        return true;
      }
    }
    return false;
  }

  private void addRoute(KubeObject service, List<Workload> workloads, String route) {
    Service s = service.as(Service.class);
    Map<String, String> selector = s.getSpec() == null ? null : s.getSpec().getSelector();
    if (selector == null || selector.isEmpty()) {
      return;
    }
    for (Workload w : workloads) {
      if (service.namespace() != null
          && service.namespace().equals(w.namespace())
          && w.podLabels().entrySet().containsAll(selector.entrySet())) {
        routes.computeIfAbsent(w.object(), k -> new LinkedHashSet<>()).add(route);
      }
    }
  }

  private static List<String> backends(Ingress ingress) {
    List<String> names = new ArrayList<>();
    if (ingress.getSpec() == null) {
      return names;
    }
    addBackend(names, ingress.getSpec().getDefaultBackend());
    if (ingress.getSpec().getRules() != null) {
      for (IngressRule rule : ingress.getSpec().getRules()) {
        if (rule.getHttp() != null && rule.getHttp().getPaths() != null) {
          for (HTTPIngressPath path : rule.getHttp().getPaths()) {
            addBackend(names, path.getBackend());
          }
        }
      }
    }
    return names;
  }

  private static void addBackend(List<String> names, IngressBackend backend) {
    if (backend != null && backend.getService() != null && backend.getService().getName() != null) {
      names.add(backend.getService().getName());
    }
  }

  /** How the internet reaches this workload; empty when it does not. */
  public Set<String> internetRoutes(KubeObject workload) {
    return routes.getOrDefault(workload, Set.of());
  }
}
