package dev.rampart.checks.workload;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.checks.WorkloadCheck;
import dev.rampart.snapshot.Workload;
import java.util.List;
import java.util.function.Consumer;

@CheckInfo(
    id = "sensitive-host-path",
    title = "Pod mounts a sensitive directory of the node",
    severity = Severity.HIGH,
    category = Category.WORKLOAD,
    frameworks = {"cis-k8s-1.9:5.2.12", "nsa-cisa:pod-security", "mitre:t1611"},
    why =
        """
        The node's root, /etc, /proc, /sys, /dev, /boot, the kubelet's and the runtime's state and \
        the users' homes hold the credentials of the node and of every pod on it (kubelet \
        certificates, service account tokens, SSH keys) and the means to change them: writing \
        there (a cron entry, a binary, a cgroup release_agent, a log symlink) is an escape to the \
        host, and reading is enough to impersonate the node.""",
    remediation =
        """
        Remove the hostPath volume, or narrow it to the one file or directory the workload needs \
        and mount it readOnly: true. Node agents that need host directories belong on dedicated \
        nodes, in a namespace of their own.""",
    notes =
        """
        Flags a path that is, or contains, one of /, /etc, /proc, /sys, /dev, /boot, /root, /home, \
        /usr, /bin, /sbin, /lib, /var/log, /var/lib/kubelet, /var/lib/docker, /var/lib/containerd, \
        /var/lib/etcd and /etc/kubernetes; and a path anywhere below /proc, /sys, /dev, /boot, \
        /root, /home, /var/log, the kubelet, runtime and etcd state, /etc/kubernetes, /etc/ssh, \
        /etc/sudoers(.d), /etc/cron* and /etc/shadow. Harmless usual mounts (/etc/ssl/certs, \
        /etc/localtime, /lib/modules, /run/xtables.lock) pass. Read-only mounts are still reported \
        (they still disclose credentials) and say so in the message. The runtime sockets are \
        container-runtime-socket-mount's; any hostPath at all is the Pod Security Standards \
        hostPath control's.""")
public final class SensitiveHostPath extends WorkloadCheck {

  /** Paths that must not be mounted, nor any directory above them. */
  private static final List<String> SENSITIVE =
      List.of(
          "/etc",
          "/proc",
          "/sys",
          "/dev",
          "/boot",
          "/root",
          "/home",
          "/usr",
          "/bin",
          "/sbin",
          "/lib",
          "/lib64",
          "/var/log",
          "/var/lib/kubelet",
          "/var/lib/docker",
          "/var/lib/containerd",
          "/var/lib/etcd",
          "/etc/kubernetes");

  /** Trees whose every part is sensitive. */
  private static final List<String> SENSITIVE_TREES =
      List.of(
          "/proc",
          "/sys",
          "/dev",
          "/boot",
          "/root",
          "/home",
          "/var/log",
          "/var/lib/kubelet",
          "/var/lib/docker",
          "/var/lib/containerd",
          "/var/lib/etcd",
          "/etc/kubernetes",
          "/etc/ssh",
          "/etc/sudoers",
          "/etc/sudoers.d",
          "/etc/shadow",
          "/etc/gshadow",
          "/etc/crontab",
          "/etc/cron.d",
          "/etc/cron.hourly",
          "/etc/cron.daily",
          "/etc/systemd",
          "/var/spool/cron");

  @Override
  protected void check(Workload w, CheckContext context, Consumer<Violation> fail) {
    for (HostDirectory v : HostDirectory.of(w)) {
      String what = sensitive(v.normalized());
      if (what != null) {
        fail.accept(v.violation(what));
      }
    }
  }

  /** What makes {@code path} sensitive, or null when it is not. */
  static String sensitive(String path) {
    if (path.equals("/")) {
      return "the node's whole filesystem";
    }
    for (String s : SENSITIVE) {
      if (HostDirectory.isWithin(s, path)) {
        return path.equals(s) ? "a sensitive directory" : "which contains " + s;
      }
    }
    for (String tree : SENSITIVE_TREES) {
      if (HostDirectory.isWithin(path, tree)) {
        return "inside " + tree;
      }
    }
    return null;
  }
}
