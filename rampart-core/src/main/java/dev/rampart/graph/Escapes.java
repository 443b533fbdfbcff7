package dev.rampart.graph;

import dev.rampart.snapshot.ContainerView;
import dev.rampart.snapshot.Workload;
import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The known ways out of a container onto its node (MITRE ATT&amp;CK T1611), each with how likely it
 * works and the field that allows it: a privileged container; the host's process namespace with
 * ptrace or privilege; a hostPath on the node's root, configuration, kubelet state, runtime socket
 * or kernel tunables; {@code /var/log} (a symlink planted there makes the kubelet's log reader
 * follow it); SYS_ADMIN or SYS_MODULE; NET_ADMIN with the host network.
 */
final class Escapes {

  /** A way out, and how likely it works. */
  record Escape(String evidence, double likelihood) {}

  private static final Map<String, Double> SENSITIVE_PATHS =
      Map.ofEntries(
          Map.entry("/", 0.95),
          Map.entry("/etc", 0.9),
          Map.entry("/etc/kubernetes", 0.9),
          Map.entry("/root", 0.85),
          Map.entry("/var/lib/kubelet", 0.85),
          Map.entry("/var/run", 0.9),
          Map.entry("/run", 0.9),
          Map.entry("/proc", 0.85),
          Map.entry("/proc/sys/kernel", 0.85),
          Map.entry("/sys", 0.7),
          Map.entry("/dev", 0.7),
          Map.entry("/var/log", 0.6),
          Map.entry("/var/lib/docker", 0.85),
          Map.entry("/var/lib/containerd", 0.85),
          Map.entry("/var/lib/etcd", 0.85));

  private static final Set<String> SOCKETS =
      Set.of(
          "docker.sock",
          "containerd.sock",
          "crio.sock",
          "cri-dockerd.sock",
          "dockershim.sock",
          "podman.sock");

  private Escapes() {}

  static List<Escape> of(Workload w) {
    List<Escape> found = new ArrayList<>();
    boolean hostPid = Boolean.TRUE.equals(w.spec().getHostPID());
    boolean hostNetwork = Boolean.TRUE.equals(w.spec().getHostNetwork());
    for (ContainerView c : w.containers()) {
      SecurityContext sc = c.securityContext();
      boolean privileged = sc != null && Boolean.TRUE.equals(sc.getPrivileged());
      List<String> added = added(sc);
      if (privileged) {
        found.add(new Escape(c.field("securityContext.privileged") + ": true", 0.95));
      }
      if (hostPid && (privileged || added.contains("SYS_PTRACE"))) {
        found.add(
            new Escape(
                w.field("hostPID") + ": true with " + (privileged ? "privileged" : "SYS_PTRACE"),
                0.9));
      }
      for (String cap : List.of("SYS_ADMIN", "SYS_MODULE")) {
        if (added.contains(cap)) {
          found.add(new Escape(c.field("securityContext.capabilities.add") + ": " + cap, 0.8));
        }
      }
      if (hostNetwork && added.contains("NET_ADMIN")) {
        found.add(
            new Escape(
                c.field("securityContext.capabilities.add")
                    + ": NET_ADMIN with "
                    + w.field("hostNetwork"),
                0.5));
      }
    }
    List<Volume> volumes = w.spec().getVolumes();
    for (int i = 0; volumes != null && i < volumes.size(); i++) {
      Volume v = volumes.get(i);
      if (v.getHostPath() == null || v.getHostPath().getPath() == null) {
        continue;
      }
      String path = normalize(v.getHostPath().getPath());
      String file = path.substring(path.lastIndexOf('/') + 1);
      String field = w.field("volumes[" + i + "].hostPath.path") + ": " + path;
      if (SOCKETS.contains(file)) {
        found.add(new Escape(field + " (container runtime socket)", 0.95));
      } else if (SENSITIVE_PATHS.containsKey(path)) {
        found.add(new Escape(field, SENSITIVE_PATHS.get(path)));
      }
    }
    return found;
  }

  private static List<String> added(SecurityContext sc) {
    Capabilities caps = sc == null ? null : sc.getCapabilities();
    if (caps == null || caps.getAdd() == null) {
      return List.of();
    }
    return caps.getAdd().stream().map(a -> a.toUpperCase().replaceFirst("^CAP_", "")).toList();
  }

  private static String normalize(String path) {
    String p = path.strip().replaceAll("/+", "/");
    return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }
}
