package dev.rampart.checks.workload;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;

@CheckInfo(
    id = "missing-cpu-limit",
    title = "Container sets no CPU limit",
    severity = Severity.LOW,
    category = Category.WORKLOAD,
    frameworks = {"nsa-cisa:network-separation", "mitre:t1496", "mitre:t1499"},
    why =
        """
        A container without a CPU limit can take every idle CPU of its node: a compromised \
        container mines cryptocurrency at the owner's expense and a runaway one slows every \
        neighbour that relies on burst capacity.""",
    remediation =
        """
        Set resources.limits.cpu, or a default limit in a LimitRange of the namespace. \
        Latency-sensitive services may prefer a generous limit to none.""",
    notes =
        """
        Only app containers are checked: init containers run to completion before the app starts, \
        and ephemeral containers cannot set resources. Judged after admission defaulting: a \
        request defaults to the container's own limit, a LimitRange of the namespace (in the \
        input) supplies its default request and limit, and pod-level resources (spec.resources) \
        cover every container. Low severity: CPU is compressible, so a missing CPU limit degrades \
        neighbours but does not kill them. Agrees with Polaris cpuLimitsMissing.""")
public final class MissingCpuLimit extends MissingResource {

  public MissingCpuLimit() {
    super("cpu", "CPU", true);
  }
}
