package dev.rampart.checks.pss;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Patches;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.checks.WorkloadCheck;
import dev.rampart.snapshot.Workload;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Sysctl;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

@CheckInfo(
    id = "unsafe-sysctl",
    title = "Pod sets a sysctl outside the safe set",
    severity = Severity.MEDIUM,
    category = Category.WORKLOAD,
    frameworks = {"pss:baseline/sysctls", "cis-k8s-1.9:5.7.3", "nsa-cisa:pod-security"},
    why =
        """
        Only a few sysctls are namespaced and isolated per pod. Others change the kernel of the \
        whole node (memory, scheduling, networking of every pod) or are namespaced but let a pod \
        starve the node or weaken protections; a pod that sets them can disturb or attack its \
        neighbours. The kubelet refuses unsafe sysctls unless an administrator allowed them, so \
        a pod that uses one also depends on special node configuration.""",
    remediation =
        """
        Remove the sysctl from securityContext.sysctls. If the workload truly needs it, tune the \
        node itself, or run the workload on dedicated, tainted nodes whose kubelet allows that \
        sysctl, with an accepted exception.""",
    notes =
        """
        Same semantics as the Pod Security Admission control sysctls at policy v1.37: allowed \
        are kernel.shm_rmid_forced, net.ipv4.ip_local_port_range, \
        net.ipv4.ip_local_reserved_ports, net.ipv4.tcp_syncookies, net.ipv4.ping_group_range, \
        net.ipv4.ip_unprivileged_port_start, net.ipv4.tcp_keepalive_time, \
        net.ipv4.tcp_fin_timeout, net.ipv4.tcp_keepalive_intvl, net.ipv4.tcp_keepalive_probes, \
        net.ipv4.tcp_rmem, net.ipv4.tcp_wmem, net.ipv4.tcp_slow_start_after_idle and \
        net.ipv4.tcp_notsent_lowat. Names are compared exactly: the slash-separated spelling \
        (net/ipv4/tcp_syncookies) fails, as it does upstream. Values are not checked.""")
public final class UnsafeSysctl extends WorkloadCheck {

  private static final Set<String> SAFE =
      Set.of(
          "kernel.shm_rmid_forced",
          "net.ipv4.ip_local_port_range",
          "net.ipv4.ip_local_reserved_ports",
          "net.ipv4.tcp_syncookies",
          "net.ipv4.ping_group_range",
          "net.ipv4.ip_unprivileged_port_start",
          "net.ipv4.tcp_keepalive_time",
          "net.ipv4.tcp_fin_timeout",
          "net.ipv4.tcp_keepalive_intvl",
          "net.ipv4.tcp_keepalive_probes",
          "net.ipv4.tcp_rmem",
          "net.ipv4.tcp_wmem",
          "net.ipv4.tcp_slow_start_after_idle",
          "net.ipv4.tcp_notsent_lowat");

  @Override
  protected void check(Workload w, CheckContext context, Consumer<Violation> fail) {
    List<Sysctl> sysctls =
        SecurityContexts.orEmpty(SecurityContexts.pod(w, PodSecurityContext::getSysctls));
    List<Map<String, String>> safe =
        sysctls.stream().filter(UnsafeSysctl::isSafe).map(UnsafeSysctl::asMap).toList();
    for (int i = 0; i < sysctls.size(); i++) {
      String name = SecurityContexts.orEmpty(sysctls.get(i).getName());
      if (!SAFE.contains(name)) {
        fail.accept(
            Violation.of(
                    w.object(),
                    w.field("securityContext.sysctls[" + i + "].name"),
                    "pod sets sysctl " + name)
                .withValue(name)
                // The list has no merge key: the patch replaces it with its safe entries.
                .withPatch(Patches.pod(w, "securityContext.sysctls", safe)));
      }
    }
  }

  private static boolean isSafe(Sysctl s) {
    return SAFE.contains(SecurityContexts.orEmpty(s.getName()));
  }

  private static Map<String, String> asMap(Sysctl s) {
    Map<String, String> entry = new LinkedHashMap<>();
    entry.put("name", s.getName());
    entry.put("value", s.getValue());
    return entry;
  }
}
