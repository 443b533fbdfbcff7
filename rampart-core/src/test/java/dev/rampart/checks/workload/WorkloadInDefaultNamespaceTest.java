package dev.rampart.checks.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class WorkloadInDefaultNamespaceTest {

  @Test
  void flagsWorkloadsDeclaredInDefault() {
    CheckTester tester =
        CheckTester.run(
                new WorkloadInDefaultNamespace(),
                """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                  namespace: default
                  annotations: {rampart.test/expect: workload-in-default-namespace}
                spec:
                  template:
                    spec:
                      containers:
                      - {name: app, image: app:1}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: elsewhere, namespace: shop}
                spec:
                  containers:
                  - {name: app, image: app:1}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: namespace-decided-at-apply-time}
                spec:
                  containers:
                  - {name: app, image: app:1}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: not-a-workload, namespace: default}
                """)
            .assertExpectations();
    assertThat(tester.tally().notApplicable()).isEqualTo(1);
    assertThat(tester.findings().get(0).evidence().path()).isEqualTo("metadata.namespace");
  }
}
