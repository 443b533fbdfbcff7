package dev.rampart.checks.pss;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckTester;
import dev.rampart.checks.Finding;
import org.junit.jupiter.api.Test;

class SeccompUnconfinedTest {

  @Test
  void flagsExplicitProfilesThatDoNotConfine() {
    CheckTester.run(
            new SeccompUnconfined(),
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: pod-unconfined
              annotations: {rampart.test/expect: seccomp-unconfined}
            spec:
              securityContext: {seccompProfile: {type: Unconfined}}
              containers: [{name: app, image: nginx:1.25}]
            ---
            apiVersion: batch/v1
            kind: CronJob
            metadata:
              name: container-unconfined
              annotations: {rampart.test/expect: seccomp-unconfined}
            spec:
              schedule: "0 * * * *"
              jobTemplate:
                spec:
                  template:
                    spec:
                      securityContext: {seccompProfile: {type: RuntimeDefault}}
                      containers:
                      - {name: job, image: busybox:1.36, securityContext: {seccompProfile: {type: Unconfined}}}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: init-empty-profile
              annotations: {rampart.test/expect: seccomp-unconfined}
            spec:
              containers: [{name: app, image: nginx:1.25}]
              initContainers:
              - {name: setup, image: busybox:1.36, securityContext: {seccompProfile: {}}}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: ephemeral-unconfined
              annotations: {rampart.test/expect: seccomp-unconfined}
            spec:
              containers: [{name: app, image: nginx:1.25}]
              ephemeralContainers:
              - {name: debug, image: busybox:1.36, securityContext: {seccompProfile: {type: Unconfined}}}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: windows-is-not-exempt
              annotations: {rampart.test/expect: seccomp-unconfined}
            spec:
              os: {name: windows}
              securityContext: {seccompProfile: {type: Unconfined}}
              containers: [{name: app, image: iis:2022}]
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: confined-or-unset}
            spec:
              containers:
              - {name: a, image: nginx:1.25, securityContext: {seccompProfile: {type: RuntimeDefault}}}
              - name: b
                image: nginx:1.25
                securityContext: {seccompProfile: {type: Localhost, localhostProfile: profiles/b.json}}
              - {name: c, image: nginx:1.25}
            """)
        .assertExpectations();
  }

  @Test
  void patchesTheProfileToRuntimeDefault() {
    Finding f =
        CheckTester.run(
                new SeccompUnconfined(),
                """
                apiVersion: v1
                kind: Pod
                metadata: {name: web}
                spec:
                  containers:
                  - {name: app, image: nginx:1.25, securityContext: {seccompProfile: {type: Unconfined}}}
                """)
            .findings()
            .get(0);
    assertThat(f.evidence().path())
        .isEqualTo("spec.containers[0].securityContext.seccompProfile.type");
    assertThat(f.evidence().value()).isEqualTo("Unconfined");
    assertThat(f.message()).isEqualTo("container app sets seccompProfile.type to \"Unconfined\"");
    assertThat(f.remediation().patch().content())
        .isEqualTo(
            "{\"spec\":{\"containers\":[{\"name\":\"app\",\"securityContext\":"
                + "{\"seccompProfile\":{\"type\":\"RuntimeDefault\"}}}]}}");
  }
}
