package dev.rampart.checks.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class MissingCpuLimitTest {

  @Test
  void flagsAppContainersWithoutIt() {
    CheckTester.run(
            new MissingCpuLimit(),
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: nothing
              annotations: {rampart.test/expect: missing-cpu-limit}
            spec:
              containers:
              - {name: app, image: app:1}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: other-resource-only
              annotations: {rampart.test/expect: missing-cpu-limit}
            spec:
              template:
                spec:
                  containers:
                  - {name: app, image: app:1, resources: {limits: {memory: 1}}}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: second-container
              annotations: {rampart.test/expect: missing-cpu-limit}
            spec:
              containers:
              - {name: a, image: app:1, resources: {limits: {cpu: 1}}}
              - {name: b, image: app:1, resources: {limits: {}}}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: set}
            spec:
              containers:
              - {name: a, image: app:1, resources: {limits: {cpu: 1}}}
              initContainers:
              - {name: init-is-not-checked, image: app:1}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: pod-level}
            spec:
              resources: {limits: {cpu: 2}}
              containers:
              - {name: a, image: app:1}
            """)
        .assertExpectations();
  }

  @Test
  void countsWhatAdmissionFillsIn() {
    CheckTester.run(
            new MissingCpuLimit(),
            """
            apiVersion: v1
            kind: LimitRange
            metadata: {name: defaults, namespace: team-a}
            spec:
              limits:
              - type: Container
                default: {cpu: 1}
            ---
            apiVersion: v1
            kind: LimitRange
            metadata: {name: pod-limits-only, namespace: team-b}
            spec:
              limits:
              - type: Pod
                max: {cpu: 4}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: defaulted, namespace: team-a}
            spec:
              containers:
              - {name: a, image: app:1}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: pod-range-gives-no-default
              namespace: team-b
              annotations: {rampart.test/expect: missing-cpu-limit}
            spec:
              containers:
              - {name: a, image: app:1}
            """)
        .assertExpectations();
  }

  @Test
  void aRequestIsNotALimit() {
    assertThat(
            CheckTester.run(
                    new MissingCpuLimit(),
                    """
                    apiVersion: v1
                    kind: Pod
                    metadata: {name: request-only}
                    spec:
                      containers:
                      - {name: a, image: app:1, resources: {requests: {cpu: 1}}}
                    """)
                .findings())
        .extracting(f -> f.evidence().path())
        .containsExactly("spec.containers[0].resources.limits.cpu");
  }
}
