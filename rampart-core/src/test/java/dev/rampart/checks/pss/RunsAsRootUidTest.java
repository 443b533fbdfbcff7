package dev.rampart.checks.pss;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckTester;
import dev.rampart.checks.Finding;
import org.junit.jupiter.api.Test;

class RunsAsRootUidTest {

  @Test
  void flagsAnExplicitUidZeroAtEveryLevel() {
    CheckTester tester =
        CheckTester.run(
                new RunsAsRootUid(),
                """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: pod-root
                  annotations: {rampart.test/expect: runs-as-root-uid}
                spec:
                  securityContext: {runAsUser: 0}
                  containers: [{name: app, image: nginx:1.25}]
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: container-root-under-non-root-pod
                  annotations: {rampart.test/expect: runs-as-root-uid}
                spec:
                  template:
                    spec:
                      securityContext: {runAsUser: 1000}
                      containers: [{name: app, image: nginx:1.25, securityContext: {runAsUser: 0}}]
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: init-root
                  annotations: {rampart.test/expect: runs-as-root-uid}
                spec:
                  containers: [{name: app, image: nginx:1.25}]
                  initContainers: [{name: setup, image: busybox:1.36, securityContext: {runAsUser: 0}}]
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: ephemeral-root
                  annotations: {rampart.test/expect: runs-as-root-uid}
                spec:
                  containers: [{name: app, image: nginx:1.25}]
                  ephemeralContainers: [{name: debug, image: busybox:1.36, securityContext: {runAsUser: 0}}]
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: unset-or-non-zero}
                spec:
                  securityContext: {runAsUser: 1000, runAsGroup: 0, fsGroup: 0}
                  containers:
                  - {name: app, image: nginx:1.25, securityContext: {runAsUser: 65534}}
                  - {name: side, image: nginx:1.25}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: user-namespace}
                spec:
                  hostUsers: false
                  securityContext: {runAsUser: 0}
                  containers: [{name: app, image: nginx:1.25}]
                """)
            .assertExpectations();
    assertThat(tester.tally().notApplicable()).isEqualTo(1);
  }

  @Test
  void pointsAtTheFieldWithoutGuessingAUid() {
    Finding f =
        CheckTester.run(
                new RunsAsRootUid(),
                """
                apiVersion: v1
                kind: Pod
                metadata: {name: web}
                spec:
                  containers: [{name: app, image: nginx:1.25, securityContext: {runAsUser: 0}}]
                """)
            .findings()
            .get(0);
    assertThat(f.evidence().path()).isEqualTo("spec.containers[0].securityContext.runAsUser");
    assertThat(f.evidence().value()).isEqualTo("0");
    assertThat(f.resource().container()).isEqualTo("app");
    assertThat(f.remediation().patch()).isNull();
  }
}
