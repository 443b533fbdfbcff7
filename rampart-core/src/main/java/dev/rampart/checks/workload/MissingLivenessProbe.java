package dev.rampart.checks.workload;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.snapshot.ContainerView;

@CheckInfo(
    id = "missing-liveness-probe",
    title = "Container has no liveness probe",
    severity = Severity.LOW,
    category = Category.WORKLOAD,
    frameworks = {"mitre:t1499"},
    why =
        """
        Without a liveness probe the kubelet restarts a container only when its process exits: a \
        deadlocked or exhausted process (the usual end of a resource-exhaustion attack) keeps its \
        replica out of service until someone notices.""",
    remediation =
        """
        Add a livenessProbe that fails only when a restart would help (a cheap local health \
        endpoint, not one that checks dependencies), with a startupProbe for slow starters.""",
    notes =
        """
        Availability hygiene; the framework mapping is to endpoint denial of service. Only app \
        containers are checked (init containers run to completion, ephemeral ones cannot have \
        probes; native sidecars, init containers with restartPolicy Always, are not checked yet). \
        Not applicable to work that runs to completion: Jobs, CronJobs, pods of a Job and pods \
        with restartPolicy OnFailure or Never. A bare Pod that restarts is checked, as Polaris \
        livenessProbeMissing does.""")
public final class MissingLivenessProbe extends MissingProbe {

  public MissingLivenessProbe() {
    super("livenessProbe", ContainerView::livenessProbe);
  }
}
