package dev.rampart.checks.pss;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.snapshot.Workload;

@CheckInfo(
    id = "unmasked-proc-mount",
    title = "Container mounts /proc unmasked",
    severity = Severity.MEDIUM,
    category = Category.WORKLOAD,
    frameworks = {
      "pss:baseline/proc-mount",
      "pss:restricted/proc-mount",
      "cis-k8s-1.9:5.7.3",
      "nsa-cisa:pod-security",
      "mitre:t1611"
    },
    why =
        """
        The runtime masks and makes read-only parts of /proc and /sys (kcore, sysrq-trigger, \
        kernel tunables, timer and keys lists) because they leak host information or control \
        the node's kernel. procMount Unmasked removes those masks; in a pod that shares the \
        node's user namespace, root in the container can then reach them.""",
    remediation =
        """
        Remove securityContext.procMount or set it to Default. Workloads that need an unmasked \
        /proc (nested container builds) should run with hostUsers: false, in a user namespace.""",
    notes =
        """
        Same semantics as the Pod Security Admission baseline control proc-mount at policy v1.35 \
        and later: procMount must be unset or exactly Default, except in pods that set hostUsers: \
        false, which baseline exempts (reported as not applicable). The restricted level keeps \
        the rule for those pods: see unmasked-proc-mount-user-namespace.""")
public final class UnmaskedProcMount extends ProcMountCheck {

  @Override
  protected String notApplicable(Workload w) {
    return SecurityContexts.inUserNamespace(w)
        ? "pod runs in a user namespace (hostUsers: false), which baseline exempts"
        : null;
  }
}
