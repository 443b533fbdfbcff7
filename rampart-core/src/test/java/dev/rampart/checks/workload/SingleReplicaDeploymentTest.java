package dev.rampart.checks.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckTester;
import dev.rampart.checks.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class SingleReplicaDeploymentTest {

  private static final String TEMPLATE =
      """
        template:
          spec:
            containers:
            - {name: app, image: app:1}
      """;

  @Test
  void flagsDeploymentsThatKeepOneReplica() {
    CheckTester tester =
        CheckTester.run(
                new SingleReplicaDeployment(),
                """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: unset
                  annotations: {rampart.test/expect: single-replica-deployment}
                spec:
                """
                    + TEMPLATE
                    + """
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: one
                  annotations: {rampart.test/expect: single-replica-deployment}
                spec:
                  replicas: 1
                """
                    + TEMPLATE
                    + """
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: autoscaled-from-one
                  annotations: {rampart.test/expect: single-replica-deployment}
                spec:
                  replicas: 3
                """
                    + TEMPLATE
                    + """
                ---
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata: {name: from-one}
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: autoscaled-from-one}
                  maxReplicas: 10
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: three}
                spec:
                  replicas: 3
                """
                    + TEMPLATE
                    + """
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: autoscaled-from-two}
                spec:
                """
                    + TEMPLATE
                    + """
                ---
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata: {name: from-two}
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: autoscaled-from-two}
                  minReplicas: 2
                  maxReplicas: 10
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: scaled-to-zero}
                spec:
                  replicas: 0
                """
                    + TEMPLATE
                    + """
                ---
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: db}
                spec:
                  replicas: 1
                """
                    + TEMPLATE)
            .assertExpectations();
    assertThat(tester.tally().notApplicable()).isEqualTo(1);
  }

  @Test
  void patchesTheDeploymentOrItsAutoscaler() {
    List<Finding> findings =
        CheckTester.run(
                new SingleReplicaDeployment(),
                """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: shop}
                spec:
                  replicas: 1
                """
                    + TEMPLATE
                    + """
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: api, namespace: shop}
                spec:
                """
                    + TEMPLATE
                    + """
                ---
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata: {name: api, namespace: shop}
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
                  maxReplicas: 5
                """)
            .findings();
    assertThat(findings)
        .extracting(f -> f.remediation().patch().command())
        .containsExactly(
            "kubectl patch deployment web -n shop --type=strategic -p '{\"spec\":{\"replicas\":2}}'",
            "kubectl patch horizontalpodautoscaler api -n shop --type=strategic"
                + " -p '{\"spec\":{\"minReplicas\":2}}'");
  }
}
