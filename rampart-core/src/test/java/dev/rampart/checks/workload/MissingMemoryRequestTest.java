package dev.rampart.checks.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class MissingMemoryRequestTest {

  @Test
  void flagsAppContainersWithoutIt() {
    CheckTester.run(
            new MissingMemoryRequest(),
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: nothing
              annotations: {rampart.test/expect: missing-memory-request}
            spec:
              containers:
              - {name: app, image: app:1}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: other-resource-only
              annotations: {rampart.test/expect: missing-memory-request}
            spec:
              template:
                spec:
                  containers:
                  - {name: app, image: app:1, resources: {requests: {cpu: 1}}}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: second-container
              annotations: {rampart.test/expect: missing-memory-request}
            spec:
              containers:
              - {name: a, image: app:1, resources: {requests: {memory: 1}}}
              - {name: b, image: app:1, resources: {requests: {}}}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: set}
            spec:
              containers:
              - {name: a, image: app:1, resources: {requests: {memory: 1}}}
              initContainers:
              - {name: init-is-not-checked, image: app:1}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: pod-level}
            spec:
              resources: {requests: {memory: 2}}
              containers:
              - {name: a, image: app:1}
            """)
        .assertExpectations();
  }

  @Test
  void countsWhatAdmissionFillsIn() {
    CheckTester.run(
            new MissingMemoryRequest(),
            """
            apiVersion: v1
            kind: LimitRange
            metadata: {name: defaults, namespace: team-a}
            spec:
              limits:
              - type: Container
                default: {memory: 1}
            ---
            apiVersion: v1
            kind: LimitRange
            metadata: {name: pod-limits-only, namespace: team-b}
            spec:
              limits:
              - type: Pod
                max: {memory: 4}
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
              annotations: {rampart.test/expect: missing-memory-request}
            spec:
              containers:
              - {name: a, image: app:1}
            """)
        .assertExpectations();
  }

  @Test
  void aLimitIsAlsoTheRequest() {
    assertThat(
            CheckTester.run(
                    new MissingMemoryRequest(),
                    """
                    apiVersion: v1
                    kind: Pod
                    metadata: {name: limit-only}
                    spec:
                      containers:
                      - {name: a, image: app:1, resources: {limits: {memory: 1}}}
                    ---
                    apiVersion: v1
                    kind: LimitRange
                    metadata: {name: default-request, namespace: team-c}
                    spec:
                      limits:
                      - type: Container
                        defaultRequest: {memory: 1}
                    ---
                    apiVersion: v1
                    kind: Pod
                    metadata: {name: defaulted, namespace: team-c}
                    spec:
                      containers:
                      - {name: a, image: app:1}
                    """)
                .findings())
        .isEmpty();
  }
}
