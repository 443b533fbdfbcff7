package dev.rampart.checks.workload;

import dev.rampart.checks.Category;
import dev.rampart.checks.Check;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Results;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.LabelSelectors;
import dev.rampart.snapshot.Snapshot;
import dev.rampart.snapshot.Workload;
import dev.rampart.snapshot.Workloads;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

@CheckInfo(
    id = "missing-pod-disruption-budget",
    title = "Replicated workload has no PodDisruptionBudget",
    severity = Severity.LOW,
    category = Category.WORKLOAD,
    frameworks = {"mitre:t1499"},
    why =
        """
        Without a PodDisruptionBudget a node drain, a cluster upgrade or the autoscaler may evict \
        every replica at once: the redundancy the replicas were meant to give disappears exactly \
        during maintenance.""",
    remediation =
        """
        Add a PodDisruptionBudget (policy/v1) in the same namespace whose selector matches the pod \
        template labels, with maxUnavailable: 1 (or a minAvailable below the replica count, so \
        that drains can proceed).""",
    notes =
        """
        Applies to Deployments and StatefulSets that keep at least two replicas (spec.replicas, or \
        minReplicas of a HorizontalPodAutoscaler in the input); a single replica is not \
        applicable, since a budget would either protect nothing or block every drain \
        (single-replica-deployment reports it). A budget counts when it is in the same namespace \
        and its selector matches the pod template labels with full selector semantics; an empty \
        selector matches every pod in policy/v1 and none in policy/v1beta1. Deliberate difference \
        from Polaris missingPodDisruptionBudget, which also flags single-replica Deployments: all \
        of its failure fixtures leave replicas unset.""")
public final class MissingPodDisruptionBudget implements Check {

  @Override
  public Set<String> requires() {
    return Check.workloadsAnd("PodDisruptionBudget", "HorizontalPodAutoscaler");
  }

  @Override
  public void run(Snapshot snapshot, CheckContext context, Results results) {
    Map<String, KubeObject> autoscalers = Scaling.autoscalers(snapshot);
    Map<String, List<KubeObject>> budgets = new HashMap<>();
    for (KubeObject p : snapshot.ofKind("PodDisruptionBudget")) {
      budgets.computeIfAbsent(String.valueOf(p.namespace()), n -> new ArrayList<>()).add(p);
    }
    for (String kind : new String[] {"Deployment", "StatefulSet"}) {
      for (KubeObject o : snapshot.ofKind(kind)) {
        Optional<Scaling> scaling = Scaling.of(o, autoscalers);
        Optional<Workload> w = Workloads.of(o);
        if (scaling.isEmpty() || w.isEmpty()) {
          results.notApplicable(o, o.resource().getApiVersion() + " does not serve " + kind + "s");
        } else if (scaling.get().minimum() < 2) {
          results.notApplicable(o, "runs fewer than two replicas");
        } else if (covered(
            w.get(), budgets.getOrDefault(String.valueOf(o.namespace()), List.of()))) {
          results.pass(o);
        } else {
          results.fail(
              Violation.of(
                      o,
                      "spec.replicas",
                      kind
                          + " "
                          + o.name()
                          + " keeps "
                          + scaling.get().minimum()
                          + " replicas but no PodDisruptionBudget selects its pods")
                  .withValue(scaling.get().minimum()));
        }
      }
    }
  }

  /** Whether one of {@code budgets}, those of the workload's namespace, selects its pods. */
  private static boolean covered(Workload w, List<KubeObject> budgets) {
    Map<String, String> labels = w.podLabels();
    for (KubeObject p : budgets) {
      if (p.resource() instanceof PodDisruptionBudget pdb
          && pdb.getSpec() != null
          && selects(pdb.getSpec().getSelector(), p.resource().getApiVersion(), labels)) {
        return true;
      }
    }
    return false;
  }

  private static boolean selects(
      LabelSelector selector, String apiVersion, Map<String, String> labels) {
    if (selector == null) {
      return false;
    }
    if (LabelSelectors.isEmpty(selector)) {
      return !"policy/v1beta1".equals(apiVersion);
    }
    return LabelSelectors.matches(selector, labels);
  }
}
