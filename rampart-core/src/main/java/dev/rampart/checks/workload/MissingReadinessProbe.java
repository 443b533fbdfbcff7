package dev.rampart.checks.workload;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.snapshot.ContainerView;
import dev.rampart.snapshot.Workload;

@CheckInfo(
    id = "missing-readiness-probe",
    title = "Container has no readiness probe",
    severity = Severity.LOW,
    category = Category.WORKLOAD,
    frameworks = {"mitre:t1499"},
    why =
        """
        Without a readiness probe a pod receives traffic as soon as its containers start and keeps \
        receiving it while it cannot serve, so rollouts and overloaded replicas turn into failed \
        requests instead of being routed around.""",
    remediation =
        """
        Add a readinessProbe that reports whether this replica can serve requests now.""",
    notes =
        """
        Availability hygiene; the framework mapping is to endpoint denial of service. Only app \
        containers are checked (init containers run to completion, ephemeral ones cannot have \
        probes; native sidecars are not checked yet). Not applicable to work that runs to \
        completion (Jobs, CronJobs, pods of a Job, restartPolicy OnFailure or Never): readiness \
        gates Service traffic, which such pods do not serve. Static (mirror) pods are not \
        applicable either: no Service or rollout waits for them. Workloads no Service selects are \
        still checked, as Polaris readinessProbeMissing does: a Service may be added later, and \
        Rampart cannot see Services created outside its input.""")
public final class MissingReadinessProbe extends MissingProbe {

  public MissingReadinessProbe() {
    super("readinessProbe", ContainerView::readinessProbe);
  }

  @Override
  protected String notApplicable(Workload w) {
    if (MirrorPods.isMirror(w.object())) {
      return "a static pod: no Service or rollout waits for its readiness";
    }
    return super.notApplicable(w);
  }
}
