package dev.rampart.checks.node;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.rampart.checks.Category;
import dev.rampart.checks.Check;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Results;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.checks.controlplane.Flags;
import dev.rampart.snapshot.ContainerView;
import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Snapshot;
import dev.rampart.snapshot.Workload;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

@CheckInfo(
    id = "kube-proxy-metrics-exposed",
    title = "Unauthenticated kube-proxy metrics are served beyond localhost",
    severity = Severity.LOW,
    category = Category.CONTROL_PLANE,
    frameworks = {"cis-k8s-1.9:4.3.1", "nsa-cisa:network-separation"},
    why =
        """
        kube-proxy's metrics endpoint (port 10249) has no authentication. Bound to all interfaces \
        it tells anyone who reaches a node how the cluster's Services and endpoints are laid out, \
        and /proxyMode and /configz reveal its configuration.""",
    remediation =
        """
        Set metricsBindAddress: 127.0.0.1:10249 in kube-proxy's configuration (kube-system \
        ConfigMap kube-proxy, key config.conf) or --metrics-bind-address on its DaemonSet, and \
        restart the kube-proxy pods.""",
    notes =
        """
        Reads the kube-proxy DaemonSet's --metrics-bind-address first (a flag overrides the file), \
        then metricsBindAddress in the kube-system ConfigMap kube-proxy; an empty value means the \
        default 127.0.0.1:10249. kube-bench (cfg/cis-1.9, 4.3.1) tests the same setting on the node. \
        Clusters that replace kube-proxy (Cilium, for instance) report not evaluated.""")
public final class KubeProxyMetricsExposed implements Check {

  @Override
  public Set<String> requires() {
    return Check.workloadsAnd("ConfigMap");
  }

  private static final String NAMESPACE = "kube-system";
  private static final String CONFIG_KEY = "config.conf";
  private static final YAMLMapper YAML = new YAMLMapper();

  /** The verdict on one kube-proxy container: a violation, a pass, or why it cannot be judged. */
  private record Verdict(Violation violation, String notEvaluated) {

    static final Verdict PASS = new Verdict(null, null);
  }

  @Override
  public void run(Snapshot snapshot, CheckContext context, Results results) {
    boolean found = false;
    for (Workload w : snapshot.workloads()) {
      if (!NAMESPACE.equals(w.namespace()) || !"DaemonSet".equals(w.kind())) {
        continue;
      }
      for (ContainerView c : w.containers()) {
        if (!runsKubeProxy(w, c)) {
          continue;
        }
        found = true;
        Verdict v = judge(snapshot, w, c);
        if (v.violation() != null) {
          results.fail(v.violation());
        } else if (v.notEvaluated() != null) {
          results.notEvaluated(v.notEvaluated());
        } else {
          results.pass(w.object());
        }
      }
    }
    if (!found) {
      results.notEvaluated(
          "no kube-proxy DaemonSet in kube-system (kube-proxy may run as host services, or be"
              + " replaced by the CNI)");
    }
  }

  private static boolean runsKubeProxy(Workload w, ContainerView c) {
    String image = c.image() == null ? "" : c.image();
    return w.name().equals("kube-proxy")
        || image.contains("/kube-proxy:")
        || image.contains("/kube-proxy@");
  }

  private static Verdict judge(Snapshot snapshot, Workload w, ContainerView c) {
    Container container = container(w, c);
    Flags flags = Flags.parse(container.getCommand(), container.getArgs());
    Optional<Flags.Occurrence> flag = flags.last("metrics-bind-address");
    if (flag.isPresent()) {
      String address = flag.get().value();
      if (!exposed(address)) {
        return Verdict.PASS;
      }
      return new Verdict(
          Violation.of(
                  w.object(),
                  c.field(flag.get().list() + "[--metrics-bind-address]"),
                  message(address))
              .inContainer(c.name())
              .withValue("--metrics-bind-address=" + address),
          null);
    }
    Optional<String> configFile = flags.value("config");
    if (configFile.isEmpty()) {
      return Verdict.PASS;
    }
    Optional<ConfigFile> source = configMapOf(w, c, configFile.get());
    Optional<KubeObject> configMap =
        source.flatMap(s -> snapshot.find("ConfigMap", NAMESPACE, s.configMap()));
    if (configMap.isEmpty() || !(configMap.get().resource() instanceof ConfigMap cm)) {
      return new Verdict(
          null,
          "kube-proxy reads its configuration from "
              + configFile.get()
              + (source.isPresent()
                  ? ", ConfigMap kube-system/" + source.get().configMap() + ", not in the input"
                  : ", which no ConfigMap volume of " + w.object().ref().display() + " provides"));
    }
    String key = source.get().key();
    Map<String, String> data = cm.getData() == null ? Map.of() : cm.getData();
    String address = metricsBindAddress(data.get(key));
    if (!exposed(address)) {
      return Verdict.PASS;
    }
    return new Verdict(
        Violation.of(configMap.get(), "data[" + key + "].metricsBindAddress", message(address))
            .withValue(address),
        null);
  }

  /** The ConfigMap and key a file path in the container comes from. */
  private record ConfigFile(String configMap, String key) {}

  private static Optional<ConfigFile> configMapOf(Workload w, ContainerView c, String path) {
    for (VolumeMount m : c.volumeMounts()) {
      String mount = m.getMountPath();
      String file;
      if (m.getSubPath() != null && !m.getSubPath().isEmpty()) {
        if (!path.equals(mount)) {
          continue;
        }
        file = m.getSubPath();
      } else if (path.startsWith(mount.endsWith("/") ? mount : mount + "/")) {
        file = path.substring(mount.length()).replaceFirst("^/", "");
      } else {
        continue;
      }
      List<Volume> volumes = w.spec().getVolumes() == null ? List.of() : w.spec().getVolumes();
      for (Volume v : volumes) {
        if (v.getName().equals(m.getName()) && v.getConfigMap() != null) {
          String key = file;
          if (v.getConfigMap().getItems() != null) {
            for (KeyToPath item : v.getConfigMap().getItems()) {
              if (file.equals(item.getPath())) {
                key = item.getKey();
              }
            }
          }
          return Optional.of(new ConfigFile(v.getConfigMap().getName(), key));
        }
      }
    }
    return Optional.empty();
  }

  private static Container container(Workload w, ContainerView c) {
    List<Container> list =
        switch (c.type()) {
          case INIT_CONTAINER -> w.spec().getInitContainers();
          default -> w.spec().getContainers();
        };
    return list.get(c.index());
  }

  static String metricsBindAddress(String config) {
    if (config == null) {
      return null;
    }
    try {
      JsonNode value = YAML.readTree(config).path("metricsBindAddress");
      return value.isTextual() ? value.asText() : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  /** Whether the address listens beyond loopback; empty means the default 127.0.0.1:10249. */
  static boolean exposed(String address) {
    if (address == null || address.isBlank()) {
      return false;
    }
    String host = address.strip();
    int colon = host.lastIndexOf(':');
    if (colon >= 0 && !host.endsWith("]") && host.indexOf(':') == colon) {
      host = host.substring(0, colon);
    } else if (host.startsWith("[")) {
      host = host.substring(1, host.indexOf(']'));
    }
    return !(host.startsWith("127.") || host.equals("::1") || host.equals("localhost"));
  }

  private static String message(String address) {
    return "kube-proxy serves its unauthenticated metrics on " + address + ", beyond localhost";
  }
}
