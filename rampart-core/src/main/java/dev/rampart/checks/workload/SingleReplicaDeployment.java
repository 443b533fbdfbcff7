package dev.rampart.checks.workload;

import dev.rampart.checks.Category;
import dev.rampart.checks.Check;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Patches;
import dev.rampart.checks.Results;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Snapshot;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

@CheckInfo(
    id = "single-replica-deployment",
    title = "Deployment runs a single replica",
    severity = Severity.LOW,
    category = Category.WORKLOAD,
    frameworks = {"mitre:t1499"},
    why =
        """
        With one replica every node drain, eviction, crash or rollout is an outage, and a single \
        overloaded pod is all an attacker needs to exhaust to take the service down.""",
    remediation =
        """
        Run at least two replicas (spec.replicas, or minReplicas of its HorizontalPodAutoscaler), \
        spread over nodes and zones with topologySpreadConstraints, and add a PodDisruptionBudget.""",
    notes =
        """
        Availability hygiene; the framework mapping is to endpoint denial of service. \
        spec.replicas defaults to 1 when unset. When a HorizontalPodAutoscaler in the input scales \
        the Deployment, its minReplicas decides instead. A Deployment scaled to zero is not \
        applicable. StatefulSets are not checked: a single replica is often their design. Agrees \
        with Polaris deploymentMissingReplicas on valid objects; its fixtures declare apiVersion \
        v1 for a Deployment, which the API server rejects and Rampart does not read as a workload.""")
public final class SingleReplicaDeployment implements Check {

  @Override
  public Set<String> requires() {
    return Set.of("Deployment", "HorizontalPodAutoscaler");
  }

  @Override
  public void run(Snapshot snapshot, CheckContext context, Results results) {
    Map<String, KubeObject> autoscalers = Scaling.autoscalers(snapshot);
    for (KubeObject o : snapshot.ofKind("Deployment")) {
      Optional<Scaling> scaling = Scaling.of(o, autoscalers);
      if (scaling.isEmpty()) {
        results.notApplicable(o, o.resource().getApiVersion() + " does not serve Deployments");
      } else if (scaling.get().minimum() == 0) {
        results.notApplicable(o, "scaled to zero");
      } else if (scaling.get().minimum() == 1) {
        results.fail(violation(o, scaling.get()));
      } else {
        results.pass(o);
      }
    }
  }

  private static Violation violation(KubeObject o, Scaling s) {
    if (s.autoscaler() != null) {
      KubeObject hpa = s.autoscaler();
      return Violation.of(
              o,
              "spec.replicas",
              "HorizontalPodAutoscaler "
                  + hpa.name()
                  + " lets Deployment "
                  + o.name()
                  + " scale down to a single replica")
          .withValue(s.replicas())
          .withPatch(Patches.object(hpa, "spec.minReplicas", 2));
    }
    String how = s.replicas() == null ? "leaves replicas unset (1)" : "sets replicas: 1";
    return Violation.of(o, "spec.replicas", "Deployment " + o.name() + " " + how)
        .withValue(s.replicas())
        .withPatch(Patches.object(o, "spec.replicas", 2));
  }
}
