package dev.rampart.checks.pss;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckTester;
import dev.rampart.checks.Finding;
import org.junit.jupiter.api.Test;

class UnmaskedProcMountTest {

  @Test
  void flagsAnyProcMountButDefaultOutsideUserNamespaces() {
    CheckTester tester =
        CheckTester.run(
                new UnmaskedProcMount(),
                """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: unmasked
                  annotations: {rampart.test/expect: unmasked-proc-mount}
                spec:
                  containers: [{name: app, image: nginx:1.25, securityContext: {procMount: Unmasked}}]
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: init-empty-string
                  annotations: {rampart.test/expect: unmasked-proc-mount}
                spec:
                  template:
                    spec:
                      hostUsers: true
                      containers: [{name: app, image: nginx:1.25}]
                      initContainers:
                      - {name: setup, image: busybox:1.36, securityContext: {procMount: ""}}
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: ephemeral-lower-case
                  annotations: {rampart.test/expect: unmasked-proc-mount}
                spec:
                  containers: [{name: app, image: nginx:1.25}]
                  ephemeralContainers:
                  - {name: debug, image: busybox:1.36, securityContext: {procMount: default}}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: default-or-unset}
                spec:
                  containers:
                  - {name: app, image: nginx:1.25, securityContext: {procMount: Default}}
                  - {name: side, image: nginx:1.25, securityContext: {}}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: user-namespace}
                spec:
                  hostUsers: false
                  containers: [{name: app, image: nginx:1.25, securityContext: {procMount: Unmasked}}]
                """)
            .assertExpectations();
    assertThat(tester.tally().notApplicable()).isEqualTo(1);
  }

  @Test
  void patchesBackToDefault() {
    Finding f =
        CheckTester.run(
                new UnmaskedProcMount(),
                """
                apiVersion: v1
                kind: Pod
                metadata: {name: builder}
                spec:
                  containers: [{name: app, image: buildah:1, securityContext: {procMount: Unmasked}}]
                """)
            .findings()
            .get(0);
    assertThat(f.evidence().path()).isEqualTo("spec.containers[0].securityContext.procMount");
    assertThat(f.evidence().value()).isEqualTo("Unmasked");
    assertThat(f.remediation().patch().content())
        .isEqualTo(
            "{\"spec\":{\"containers\":[{\"name\":\"app\",\"securityContext\":"
                + "{\"procMount\":\"Default\"}}]}}");
  }
}
