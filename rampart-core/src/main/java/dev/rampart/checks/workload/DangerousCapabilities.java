package dev.rampart.checks.workload;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.ContainerCheck;
import dev.rampart.checks.Patches;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.ContainerView;
import dev.rampart.snapshot.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

@CheckInfo(
    id = "dangerous-capabilities",
    title = "Container adds a capability that enables escape or host attacks",
    severity = Severity.HIGH,
    category = Category.WORKLOAD,
    frameworks = {"cis-k8s-1.9:5.2.9", "nsa-cisa:pod-security", "mitre:t1611"},
    why =
        """
        Some Linux capabilities are nearly root on the node: SYS_ADMIN mounts filesystems and \
        escapes through cgroups, SYS_MODULE loads kernel code, SYS_PTRACE reads and injects into \
        other processes, DAC_READ_SEARCH reads any host file by handle (the Shocker escape), BPF \
        and PERFMON reach kernel memory, NET_ADMIN and NET_RAW rewire and spoof the pod network.""",
    remediation =
        """
        Remove the capability from securityContext.capabilities.add; drop ALL and add back only \
        what the process needs (NET_BIND_SERVICE, for instance). If the workload truly needs it (a \
        CNI or monitoring agent), isolate it on its own nodes and namespace.""",
    notes =
        """
        Flags ALL, SYS_ADMIN, SYS_MODULE, SYS_PTRACE, SYS_RAWIO, DAC_READ_SEARCH, BPF, PERFMON, \
        NET_ADMIN, NET_RAW, MAC_ADMIN, MAC_OVERRIDE, SYSLOG and CHECKPOINT_RESTORE, in any case \
        and with or without the CAP_ prefix (runtimes accept both). SYS_TIME, which node exporters \
        add, is not flagged: it changes the clock, it does not escape. The Pod Security Standards \
        capability controls (what must be dropped, what baseline allows) are separate checks. \
        Agrees with Polaris dangerousCapabilities, and with insecureCapabilities where it is about \
        adding ALL; the other insecureCapabilities fixtures are about what is not dropped, which \
        is the restricted capability control's job.""")
public final class DangerousCapabilities extends ContainerCheck {

  /** Each capability, with what it lets a container do. */
  private static final Map<String, String> DANGEROUS =
      Map.ofEntries(
          Map.entry("ALL", "every capability"),
          Map.entry("SYS_ADMIN", "mounts and cgroup escapes"),
          Map.entry("SYS_MODULE", "loading kernel modules"),
          Map.entry("SYS_PTRACE", "tracing and injecting into processes"),
          Map.entry("SYS_RAWIO", "raw device and I/O port access"),
          Map.entry("DAC_READ_SEARCH", "reading any host file by handle"),
          Map.entry("BPF", "loading eBPF programs"),
          Map.entry("PERFMON", "kernel performance monitoring"),
          Map.entry("NET_ADMIN", "reconfiguring the network"),
          Map.entry("NET_RAW", "raw packets and spoofing"),
          Map.entry("MAC_ADMIN", "changing the LSM policy"),
          Map.entry("MAC_OVERRIDE", "bypassing the LSM policy"),
          Map.entry("SYSLOG", "reading kernel logs and addresses"),
          Map.entry("CHECKPOINT_RESTORE", "checkpointing other processes"));

  private static final String ADD = "securityContext.capabilities.add";

  @Override
  protected void check(
      Workload w, ContainerView c, CheckContext context, Consumer<Violation> fail) {
    if (c.securityContext() == null
        || c.securityContext().getCapabilities() == null
        || c.securityContext().getCapabilities().getAdd() == null) {
      return;
    }
    List<String> dangerous = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    List<String> effects = new ArrayList<>();
    for (String cap : c.securityContext().getCapabilities().getAdd()) {
      String effect = cap == null ? null : DANGEROUS.get(normalize(cap));
      if (effect == null) {
        kept.add(cap);
      } else {
        dangerous.add(cap);
        effects.add(normalize(cap) + ": " + effect);
      }
    }
    if (!dangerous.isEmpty()) {
      fail.accept(
          violation(
                  w,
                  c,
                  ADD,
                  "container "
                      + c.name()
                      + " adds "
                      + String.join(", ", dangerous)
                      + " ("
                      + String.join("; ", effects)
                      + ")")
              .withValue(String.join(",", dangerous))
              .withPatch(Patches.container(w, c, ADD, kept)));
    }
  }

  static String normalize(String capability) {
    String upper = capability.strip().toUpperCase(Locale.ROOT);
    return upper.startsWith("CAP_") ? upper.substring(4) : upper;
  }
}
