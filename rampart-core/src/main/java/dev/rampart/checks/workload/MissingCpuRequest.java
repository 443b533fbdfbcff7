package dev.rampart.checks.workload;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;

@CheckInfo(
    id = "missing-cpu-request",
    title = "Container sets no CPU request",
    severity = Severity.LOW,
    category = Category.WORKLOAD,
    frameworks = {"nsa-cisa:network-separation"},
    why =
        """
        Without a CPU request the scheduler places the pod as if it needed no CPU, so nodes are \
        overcommitted and the container competes for CPU with the lowest weight; with no request \
        at all the pod is BestEffort and evicted first under pressure.""",
    remediation =
        """
        Set resources.requests.cpu to what the container needs in normal operation, measured \
        (kubectl top, metrics) rather than guessed.""",
    notes =
        """
        Only app containers are checked: init containers run to completion before the app starts, \
        and ephemeral containers cannot set resources. Judged after admission defaulting: a \
        request defaults to the container's own limit, a LimitRange of the namespace (in the \
        input) supplies its default request and limit, and pod-level resources (spec.resources) \
        cover every container. Agrees with Polaris cpuRequestsMissing.""")
public final class MissingCpuRequest extends MissingResource {

  public MissingCpuRequest() {
    super("cpu", "CPU", false);
  }
}
