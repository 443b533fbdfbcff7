package dev.rampart.checks.workload;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;

@CheckInfo(
    id = "missing-memory-request",
    title = "Container sets no memory request",
    severity = Severity.LOW,
    category = Category.WORKLOAD,
    frameworks = {"nsa-cisa:network-separation"},
    why =
        """
        Without a memory request the scheduler places the pod as if it needed no memory, nodes are \
        overcommitted, and under memory pressure the container is among the first the kubelet \
        evicts or the kernel kills.""",
    remediation =
        """
        Set resources.requests.memory to the working set the container needs in normal operation.""",
    notes =
        """
        Only app containers are checked: init containers run to completion before the app starts, \
        and ephemeral containers cannot set resources. Judged after admission defaulting: a \
        request defaults to the container's own limit, a LimitRange of the namespace (in the \
        input) supplies its default request and limit, and pod-level resources (spec.resources) \
        cover every container. Agrees with Polaris memoryRequestsMissing.""")
public final class MissingMemoryRequest extends MissingResource {

  public MissingMemoryRequest() {
    super("memory", "memory", false);
  }
}
