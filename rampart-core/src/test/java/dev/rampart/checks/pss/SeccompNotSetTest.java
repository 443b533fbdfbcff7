package dev.rampart.checks.pss;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckTester;
import dev.rampart.checks.Finding;
import org.junit.jupiter.api.Test;

class SeccompNotSetTest {

  @Test
  void requiresAProfileFromThePodOrEachContainer() {
    CheckTester tester =
        CheckTester.run(
                new SeccompNotSet(),
                """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: nothing-set
                  annotations: {rampart.test/expect: seccomp-not-set}
                spec:
                  containers: [{name: app, image: nginx:1.25}]
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: init-without-profile
                  annotations: {rampart.test/expect: seccomp-not-set}
                spec:
                  template:
                    spec:
                      securityContext: {}
                      containers:
                      - {name: app, image: nginx:1.25, securityContext: {seccompProfile: {type: RuntimeDefault}}}
                      initContainers: [{name: setup, image: busybox:1.36, securityContext: {}}]
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: ephemeral-without-profile
                  annotations: {rampart.test/expect: seccomp-not-set}
                spec:
                  containers:
                  - {name: app, image: nginx:1.25, securityContext: {seccompProfile: {type: Localhost, localhostProfile: a.json}}}
                  ephemeralContainers: [{name: debug, image: busybox:1.36}]
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: pod-level}
                spec:
                  template:
                    spec:
                      securityContext: {seccompProfile: {type: RuntimeDefault}}
                      containers: [{name: app, image: nginx:1.25}]
                      initContainers: [{name: setup, image: busybox:1.36}]
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: every-container}
                spec:
                  containers:
                  - {name: a, image: nginx:1.25, securityContext: {seccompProfile: {type: RuntimeDefault}}}
                  - {name: b, image: nginx:1.25, securityContext: {seccompProfile: {type: Localhost, localhostProfile: b.json}}}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: pod-unconfined-is-another-check}
                spec:
                  securityContext: {seccompProfile: {type: Unconfined}}
                  containers: [{name: app, image: nginx:1.25}]
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: windows}
                spec:
                  os: {name: windows}
                  containers: [{name: app, image: iis:2022}]
                """)
            .assertExpectations();
    assertThat(tester.tally().notApplicable()).isEqualTo(1);
  }

  @Test
  void reportsOnceAtThePodAndPatchesThePod() {
    Finding f =
        CheckTester.run(
                new SeccompNotSet(),
                """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  template:
                    spec:
                      containers: [{name: app, image: nginx:1.25}, {name: proxy, image: envoy:1.30}]
                """)
            .findings()
            .get(0);
    assertThat(f.evidence().path())
        .isEqualTo("spec.template.spec.securityContext.seccompProfile.type");
    assertThat(f.resource().container()).isNull();
    assertThat(f.message())
        .isEqualTo("neither the pod nor containers app, proxy set a seccomp profile");
    assertThat(f.remediation().patch().content())
        .isEqualTo(
            "{\"spec\":{\"template\":{\"spec\":{\"securityContext\":"
                + "{\"seccompProfile\":{\"type\":\"RuntimeDefault\"}}}}}}");
  }
}
