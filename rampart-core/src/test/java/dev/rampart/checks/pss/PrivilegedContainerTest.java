package dev.rampart.checks.pss;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckTester;
import dev.rampart.checks.Finding;
import org.junit.jupiter.api.Test;

class PrivilegedContainerTest {

  @Test
  void flagsPrivilegedContainersOfEveryList() {
    CheckTester.run(
            new PrivilegedContainer(),
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: priv
              annotations: {rampart.test/expect: privileged-container}
            spec:
              template:
                spec:
                  containers:
                  - {name: app, image: nginx:1.25, securityContext: {privileged: true}}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: init-priv
              annotations: {rampart.test/expect: privileged-container}
            spec:
              containers:
              - {name: app, image: nginx:1.25}
              initContainers:
              - {name: setup, image: busybox:1.36, securityContext: {privileged: true}}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: debug-priv
              annotations: {rampart.test/expect: privileged-container}
            spec:
              containers:
              - {name: app, image: nginx:1.25}
              ephemeralContainers:
              - {name: debugger, image: busybox:1.36, securityContext: {privileged: true}}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: not-privileged}
            spec:
              containers:
              - {name: app, image: nginx:1.25, securityContext: {privileged: false}}
              - {name: side, image: nginx:1.25}
            """)
        .assertExpectations();
  }

  @Test
  void pointsAtTheFieldAndPatchesTheContainerByName() {
    Finding f =
        CheckTester.run(
                new PrivilegedContainer(),
                """
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: backup, namespace: data}
                spec:
                  schedule: "0 * * * *"
                  jobTemplate:
                    spec:
                      template:
                        spec:
                          containers:
                          - {name: dump, image: postgres:16, securityContext: {privileged: true}}
                """)
            .findings()
            .get(0);
    assertThat(f.evidence().path())
        .isEqualTo("spec.jobTemplate.spec.template.spec.containers[0].securityContext.privileged");
    assertThat(f.resource().container()).isEqualTo("dump");
    assertThat(f.location().line()).isEqualTo(1);
    assertThat(f.remediation().patch().content())
        .isEqualTo(
            "{\"spec\":{\"jobTemplate\":{\"spec\":{\"template\":{\"spec\":{\"containers\":"
                + "[{\"name\":\"dump\",\"securityContext\":{\"privileged\":false}}]}}}}}}");
    assertThat(f.remediation().patch().command())
        .startsWith("kubectl patch cronjob backup -n data");
  }
}
