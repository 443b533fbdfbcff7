package dev.rampart.checks.pss;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.ContainerCheck;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.ContainerView;
import dev.rampart.snapshot.Workload;
import java.util.function.Consumer;

@CheckInfo(
    id = "non-default-capabilities",
    title = "Container adds a capability beyond the runtime's default set",
    severity = Severity.HIGH,
    category = Category.WORKLOAD,
    frameworks = {
      "pss:baseline/capabilities",
      "pss:restricted/capabilities",
      "cis-k8s-1.9:5.2.8",
      "cis-k8s-1.9:5.2.9",
      "nsa-cisa:pod-security",
      "mitre:t1611"
    },
    why =
        """
        Capabilities beyond the runtime default are slices of root on the node: SYS_ADMIN allows \
        mounts and most known container escapes, SYS_PTRACE reading other processes, SYS_MODULE \
        loading kernel modules, NET_ADMIN reconfiguring the network, NET_RAW spoofing and \
        sniffing traffic on the pod network, DAC_READ_SEARCH reading any file (the "shocker" \
        escape). ALL grants every one of them.""",
    remediation =
        """
        Remove the capability from securityContext.capabilities.add. Most workloads need none; \
        one that binds a port below 1024 needs only NET_BIND_SERVICE. Drop ALL and add back only \
        what the process needs.""",
    notes =
        """
        Same semantics as the Pod Security Admission control capabilities (baseline): only \
        AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, \
        SETFCAP, SETGID, SETPCAP, SETUID and SYS_CHROOT may be added; names are compared \
        exactly, so chown, CAP_CHOWN and ALL fail. drop is not considered. These additions also \
        violate the restricted capabilities control, which this check reports for both levels; \
        upstream's restricted level exempts Windows pods (spec.os.name: windows) from it, while \
        baseline, and therefore this check, does not.""")
public final class NonDefaultCapabilities extends ContainerCheck {

  @Override
  protected void check(
      Workload w, ContainerView c, CheckContext context, Consumer<Violation> fail) {
    AddedCapabilities.report(
        w,
        c,
        cap -> !AddedCapabilities.RUNTIME_DEFAULT.contains(cap),
        " beyond the runtime's default set",
        fail);
  }
}
