package dev.rampart.checks.workload;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.checks.WorkloadCheck;
import dev.rampart.snapshot.Workload;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

@CheckInfo(
    id = "container-runtime-socket-mount",
    title = "Pod mounts the container runtime socket",
    severity = Severity.CRITICAL,
    category = Category.WORKLOAD,
    frameworks = {"nsa-cisa:pod-security", "mitre:t1611", "mitre:t1610"},
    why =
        """
        The Docker, containerd or CRI-O socket is the API of the runtime that runs every container \
        of the node. Whoever can reach it starts a privileged container with the host's filesystem \
        mounted, reads every other container's secrets and memory, and owns the node; a read-only \
        mount does not help, as connecting to a socket is not a write.""",
    remediation =
        """
        Remove the hostPath volume. Build images with a daemonless builder (BuildKit rootless, \
        Kaniko, Buildah), read container metadata from the Kubernetes API, and give monitoring \
        agents that truly need the runtime dedicated, tainted nodes.""",
    notes =
        """
        Matches the sockets of Docker, containerd (including k3s), CRI-O, cri-dockerd, dockershim \
        and Podman, any file named like them, and the directories that hold them (/run, /var/run, \
        /run/containerd, ...). Mounting / or /var also exposes the sockets; sensitive-host-path \
        reports those. Polaris has no such check (its hostPathSet flags every hostPath, as the Pod \
        Security Standards hostPath control does).""")
public final class ContainerRuntimeSocketMount extends WorkloadCheck {

  private static final List<String> SOCKETS =
      List.of(
          "/var/run/docker.sock",
          "/run/docker.sock",
          "/var/run/containerd/containerd.sock",
          "/run/containerd/containerd.sock",
          "/run/k3s/containerd/containerd.sock",
          "/var/run/crio/crio.sock",
          "/run/crio/crio.sock",
          "/var/run/cri-dockerd.sock",
          "/run/cri-dockerd.sock",
          "/var/run/dockershim.sock",
          "/run/podman/podman.sock",
          "/var/run/podman/podman.sock");

  private static final Set<String> SOCKET_NAMES =
      Set.of(
          "docker.sock",
          "containerd.sock",
          "crio.sock",
          "cri-dockerd.sock",
          "dockershim.sock",
          "podman.sock");

  /** Ancestors of the sockets that expose far more; sensitive-host-path reports them. */
  private static final Set<String> BROADER = Set.of("/", "/var");

  @Override
  protected void check(Workload w, CheckContext context, Consumer<Violation> fail) {
    for (HostDirectory v : HostDirectory.of(w)) {
      String socket = exposedSocket(v.normalized());
      if (socket != null) {
        fail.accept(v.violation("which holds the container runtime socket " + socket));
      }
    }
  }

  /** The runtime socket {@code path} is or contains, or null. */
  static String exposedSocket(String path) {
    String file = path.substring(path.lastIndexOf('/') + 1);
    if (SOCKET_NAMES.contains(file)) {
      return path;
    }
    if (BROADER.contains(path)) {
      return null;
    }
    return SOCKETS.stream().filter(s -> HostDirectory.isWithin(s, path)).findFirst().orElse(null);
  }
}
