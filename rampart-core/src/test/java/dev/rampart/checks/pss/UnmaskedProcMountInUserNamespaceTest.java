package dev.rampart.checks.pss;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class UnmaskedProcMountInUserNamespaceTest {

  @Test
  void flagsUnmaskedProcOnlyInPodsWithTheirOwnUserNamespace() {
    CheckTester tester =
        CheckTester.run(
                new UnmaskedProcMountInUserNamespace(),
                """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: user-namespace
                  annotations: {rampart.test/expect: unmasked-proc-mount-user-namespace}
                spec:
                  hostUsers: false
                  containers: [{name: app, image: nginx:1.25, securityContext: {procMount: Unmasked}}]
                ---
                apiVersion: batch/v1
                kind: Job
                metadata:
                  name: init-builder
                  annotations: {rampart.test/expect: unmasked-proc-mount-user-namespace}
                spec:
                  template:
                    spec:
                      hostUsers: false
                      containers: [{name: app, image: nginx:1.25}]
                      initContainers:
                      - {name: build, image: buildah:1, securityContext: {procMount: Unmasked}}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: user-namespace-default}
                spec:
                  hostUsers: false
                  containers: [{name: app, image: nginx:1.25, securityContext: {procMount: Default}}]
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: host-user-namespace}
                spec:
                  containers: [{name: app, image: nginx:1.25, securityContext: {procMount: Unmasked}}]
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: explicit-host-users}
                spec:
                  hostUsers: true
                  containers: [{name: app, image: nginx:1.25, securityContext: {procMount: Unmasked}}]
                """)
            .assertExpectations();
    assertThat(tester.tally().notApplicable()).isEqualTo(2);
  }
}
