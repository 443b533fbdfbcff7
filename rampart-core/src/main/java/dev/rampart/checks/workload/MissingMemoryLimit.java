package dev.rampart.checks.workload;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;

@CheckInfo(
    id = "missing-memory-limit",
    title = "Container sets no memory limit",
    severity = Severity.MEDIUM,
    category = Category.WORKLOAD,
    frameworks = {"nsa-cisa:network-separation", "mitre:t1499"},
    why =
        """
        A container without a memory limit can consume the memory of its whole node; the kernel \
        then kills processes of other pods, including system daemons, so one faulty or malicious \
        workload takes down its neighbours.""",
    remediation =
        """
        Set resources.limits.memory (commonly equal to the request), or a default limit in a \
        LimitRange of the namespace.""",
    notes =
        """
        Only app containers are checked: init containers run to completion before the app starts, \
        and ephemeral containers cannot set resources. Judged after admission defaulting: a \
        request defaults to the container's own limit, a LimitRange of the namespace (in the \
        input) supplies its default request and limit, and pod-level resources (spec.resources) \
        cover every container. Agrees with Polaris memoryLimitsMissing.""")
public final class MissingMemoryLimit extends MissingResource {

  public MissingMemoryLimit() {
    super("memory", "memory", true);
  }
}
