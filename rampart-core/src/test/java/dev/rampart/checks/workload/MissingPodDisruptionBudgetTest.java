package dev.rampart.checks.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class MissingPodDisruptionBudgetTest {

  private static final String EXPECT = "rampart.test/expect: missing-pod-disruption-budget";

  private static String workload(
      String kind, String namespace, String name, int replicas, boolean expected) {
    return """
        apiVersion: apps/v1
        kind: %s
        metadata:
          name: %s
          namespace: %s
          annotations: {%s}
        spec:
          replicas: %d
          template:
            metadata:
              labels: {app: %s, tier: backend}
            spec:
              containers:
              - {name: app, image: app:1}
        ---
        """
        .formatted(kind, name, namespace, expected ? EXPECT : "", replicas, name);
  }

  @Test
  void flagsReplicatedWorkloadsNoBudgetSelects() {
    CheckTester tester =
        CheckTester.run(
                new MissingPodDisruptionBudget(),
                workload("Deployment", "shop", "no-budget", 3, true)
                    + workload("StatefulSet", "shop", "budget-elsewhere", 3, true)
                    + workload("Deployment", "shop", "budget-for-others", 2, true)
                    + workload("Deployment", "shop", "covered", 3, false)
                    + workload("Deployment", "shop", "covered-by-expression", 2, false)
                    + workload("Deployment", "shop", "single", 1, false)
                    + workload("Deployment", "all", "covered-by-empty-selector", 2, false)
                    + workload("Deployment", "legacy", "empty-v1beta1-selects-none", 2, true)
                    + """
                    apiVersion: policy/v1
                    kind: PodDisruptionBudget
                    metadata: {name: elsewhere, namespace: other}
                    spec:
                      maxUnavailable: 1
                      selector: {matchLabels: {app: budget-elsewhere}}
                    ---
                    apiVersion: policy/v1
                    kind: PodDisruptionBudget
                    metadata: {name: others, namespace: shop}
                    spec:
                      maxUnavailable: 1
                      selector: {matchLabels: {app: budget-for-others, tier: frontend}}
                    ---
                    apiVersion: policy/v1
                    kind: PodDisruptionBudget
                    metadata: {name: covered, namespace: shop}
                    spec:
                      minAvailable: 2
                      selector: {matchLabels: {app: covered}}
                    ---
                    apiVersion: policy/v1
                    kind: PodDisruptionBudget
                    metadata: {name: expression, namespace: shop}
                    spec:
                      maxUnavailable: 1
                      selector:
                        matchExpressions:
                        - {key: app, operator: In, values: [covered-by-expression]}
                        - {key: canary, operator: DoesNotExist}
                    ---
                    apiVersion: policy/v1
                    kind: PodDisruptionBudget
                    metadata: {name: everything, namespace: all}
                    spec:
                      maxUnavailable: 1
                      selector: {}
                    ---
                    apiVersion: policy/v1beta1
                    kind: PodDisruptionBudget
                    metadata: {name: nothing, namespace: legacy}
                    spec:
                      maxUnavailable: 1
                      selector: {}
                    """)
            .assertExpectations();
    assertThat(tester.tally().notApplicable()).isEqualTo(1);
  }

  @Test
  void anAutoscalerDecidesTheReplicaCount() {
    CheckTester.run(
            new MissingPodDisruptionBudget(),
            workload("Deployment", "shop", "scaled-from-two", 1, true)
                + workload("Deployment", "shop", "scaled-from-one", 5, false)
                + """
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata: {name: two, namespace: shop}
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: scaled-from-two}
                  minReplicas: 2
                  maxReplicas: 10
                ---
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata: {name: one, namespace: shop}
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: scaled-from-one}
                  maxReplicas: 10
                """)
        .assertExpectations();
  }
}
