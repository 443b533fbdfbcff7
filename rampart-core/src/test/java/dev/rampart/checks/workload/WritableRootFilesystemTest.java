package dev.rampart.checks.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckTester;
import dev.rampart.checks.Finding;
import org.junit.jupiter.api.Test;

class WritableRootFilesystemTest {

  @Test
  void flagsEveryContainerThatDoesNotSetReadOnly() {
    CheckTester.run(
            new WritableRootFilesystem(),
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: unset
              annotations: {rampart.test/expect: writable-root-filesystem}
            spec:
              containers:
              - {name: app, image: app:1}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: init-false
              annotations: {rampart.test/expect: writable-root-filesystem}
            spec:
              template:
                spec:
                  initContainers:
                  - {name: setup, image: app:1, securityContext: {readOnlyRootFilesystem: false}}
                  containers:
                  - {name: app, image: app:1, securityContext: {readOnlyRootFilesystem: true}}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: one-of-two
              annotations: {rampart.test/expect: writable-root-filesystem}
            spec:
              containers:
              - {name: a, image: app:1, securityContext: {readOnlyRootFilesystem: true}}
              - {name: b, image: app:1, securityContext: {runAsNonRoot: true}}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: read-only}
            spec:
              containers:
              - {name: a, image: app:1, securityContext: {readOnlyRootFilesystem: true}}
              initContainers:
              - {name: b, image: app:1, securityContext: {readOnlyRootFilesystem: true}}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: windows}
            spec:
              os: {name: windows}
              containers:
              - {name: a, image: app:1}
            """)
        .assertExpectations();
  }

  @Test
  void patchesTheContainer() {
    Finding f =
        CheckTester.run(
                new WritableRootFilesystem(),
                """
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: db, namespace: data}
                spec:
                  template:
                    spec:
                      containers:
                      - {name: pg, image: postgres:16, securityContext: {readOnlyRootFilesystem: false}}
                """)
            .findings()
            .get(0);
    assertThat(f.evidence().path())
        .isEqualTo("spec.template.spec.containers[0].securityContext.readOnlyRootFilesystem");
    assertThat(f.evidence().value()).isEqualTo("false");
    assertThat(f.remediation().patch().content())
        .isEqualTo(
            "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"pg\","
                + "\"securityContext\":{\"readOnlyRootFilesystem\":true}}]}}}}");
  }
}
