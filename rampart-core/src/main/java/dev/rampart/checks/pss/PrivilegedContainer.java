package dev.rampart.checks.pss;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.ContainerCheck;
import dev.rampart.checks.Patches;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.ContainerView;
import dev.rampart.snapshot.Workload;
import java.util.function.Consumer;

@CheckInfo(
    id = "privileged-container",
    title = "Container runs privileged",
    severity = Severity.CRITICAL,
    category = Category.WORKLOAD,
    frameworks = {
      "pss:baseline/privileged",
      "cis-k8s-1.9:5.2.2",
      "nsa-cisa:pod-security",
      "mitre:t1611"
    },
    why =
        """
        A privileged container has every capability and the host's devices; it can mount the \
        node's disks, load kernel modules and escape to the node, and from the node reach every \
        pod and credential on it.""",
    remediation =
        """
        Remove securityContext.privileged or set it to false. If the container needs one \
        specific capability, add only that capability.""")
public final class PrivilegedContainer extends ContainerCheck {

  @Override
  protected void check(
      Workload w, ContainerView c, CheckContext context, Consumer<Violation> fail) {
    if (c.securityContext() != null && Boolean.TRUE.equals(c.securityContext().getPrivileged())) {
      fail.accept(
          violation(
                  w, c, "securityContext.privileged", "container " + c.name() + " runs privileged")
              .withValue(true)
              .withPatch(Patches.container(w, c, "securityContext.privileged", false)));
    }
  }
}
