package dev.rampart.checks.workload;

import dev.rampart.snapshot.Workload;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.util.List;
import java.util.Set;

/**
 * Whether a workload's pods run to completion (a batch task) rather than serve: Jobs, CronJobs,
 * pods a Job created, and any pod whose restartPolicy is OnFailure or Never. Probes and replicas
 * mean little for those.
 */
final class RunsToCompletion {

  private static final Set<String> BATCH_KINDS = Set.of("Job", "CronJob");

  private RunsToCompletion() {}

  /** Why {@code w} runs to completion, or null when it runs until stopped. */
  static String reason(Workload w) {
    if (BATCH_KINDS.contains(w.kind())) {
      return "a " + w.kind() + "'s pods run to completion";
    }
    List<OwnerReference> owners = w.object().resource().getMetadata().getOwnerReferences();
    if (owners != null
        && owners.stream()
            .anyMatch(o -> Boolean.TRUE.equals(o.getController()) && "Job".equals(o.getKind()))) {
      return "the pod belongs to a Job and runs to completion";
    }
    String restart = w.spec().getRestartPolicy();
    if ("OnFailure".equals(restart) || "Never".equals(restart)) {
      return "restartPolicy " + restart + ": the pod runs to completion";
    }
    return null;
  }
}
