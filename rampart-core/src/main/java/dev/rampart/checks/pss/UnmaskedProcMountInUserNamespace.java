package dev.rampart.checks.pss;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.snapshot.Workload;

@CheckInfo(
    id = "unmasked-proc-mount-user-namespace",
    title = "Container mounts /proc unmasked in a user-namespaced pod",
    severity = Severity.LOW,
    category = Category.WORKLOAD,
    frameworks = {"pss:restricted/proc-mount", "cis-k8s-1.9:5.7.3", "nsa-cisa:pod-security"},
    why =
        """
        A pod with hostUsers: false runs in its own user namespace, so root in the container is \
        an unprivileged user on the node and cannot use most of what an unmasked /proc exposes. \
        The restricted profile still requires the default masks: they are defence in depth \
        against kernel flaws reachable through /proc and /sys, and against leaks of host \
        information.""",
    remediation =
        """
        Remove securityContext.procMount or set it to Default, unless the workload (typically a \
        nested container build) needs an unmasked /proc and has an accepted exception.""",
    notes =
        """
        Pod Security Admission's restricted control proc-mount (v1.35 and later) forbids a \
        procMount other than Default in every pod; baseline exempts pods with hostUsers: false. \
        unmasked-proc-mount reports the other pods, so this check applies only to pods with \
        hostUsers: false and the two together give the restricted semantics, each container \
        reported once.""")
public final class UnmaskedProcMountInUserNamespace extends ProcMountCheck {

  @Override
  protected String notApplicable(Workload w) {
    return SecurityContexts.inUserNamespace(w)
        ? null
        : "pod shares the node's user namespace; unmasked-proc-mount applies";
  }
}
