package dev.rampart.network;

import dev.rampart.snapshot.Workload;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns workloads into the endpoints NetworkPolicy reasons about. */
final class PodEndpoints {

  private final Namespaces namespaces;
  private final PodNetwork network;

  PodEndpoints(Namespaces namespaces, PodNetwork network) {
    this.namespaces = namespaces;
    this.network = network;
  }

  Map<String, String> namespaceLabels(String namespace) {
    return namespaces.labels(namespace);
  }

  PodEndpoint of(Workload w) {
    String namespace = Namespaces.nameOf(w.namespace());
    boolean hostNetwork = Boolean.TRUE.equals(w.spec().getHostNetwork());
    return new PodEndpoint(
        w.object(),
        namespace,
        w.podLabels(),
        namespaces.labels(namespace),
        ports(w),
        addresses(w, hostNetwork),
        hostNetwork);
  }

  /**
   * The ports of the regular containers and of sidecars (init containers that keep running, {@code
   * restartPolicy: Always}): those serve traffic while the pod runs.
   */
  static List<PodPort> ports(Workload w) {
    List<PodPort> ports = new ArrayList<>();
    if (w.spec().getContainers() != null) {
      w.spec().getContainers().forEach(c -> add(ports, c));
    }
    if (w.spec().getInitContainers() != null) {
      for (Container c : w.spec().getInitContainers()) {
        if ("Always".equals(c.getRestartPolicy())) {
          add(ports, c);
        }
      }
    }
    return ports;
  }

  private static void add(List<PodPort> ports, Container c) {
    if (c.getPorts() == null) {
      return;
    }
    for (ContainerPort p : c.getPorts()) {
      if (p.getContainerPort() == null) {
        continue;
      }
      ports.add(
          new PodPort(
              c.getName(),
              p.getName(),
              p.getContainerPort(),
              Protocol.parse(p.getProtocol()).orElse(Protocol.TCP),
              p.getHostPort() == null ? 0 : p.getHostPort()));
    }
  }

  private List<Cidr> addresses(Workload w, boolean hostNetwork) {
    if (hostNetwork) {
      return network.nodes();
    }
    if (w.object().resource() instanceof Pod pod) {
      List<Cidr> own = new ArrayList<>();
      for (String ip : PodNetwork.ips(pod)) {
        if (Cidr.isValid(ip)) {
          own.add(Cidr.parse(ip));
        }
      }
      if (!own.isEmpty()) {
        return own;
      }
    }
    return network.pods();
  }
}
