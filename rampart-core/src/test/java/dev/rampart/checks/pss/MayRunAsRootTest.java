package dev.rampart.checks.pss;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckTester;
import dev.rampart.checks.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class MayRunAsRootTest {

  @Test
  void requiresRunAsNonRootFromThePodOrEachContainer() {
    CheckTester tester =
        CheckTester.run(
                new MayRunAsRoot(),
                """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: nothing-set
                  annotations: {rampart.test/expect: may-run-as-root}
                spec:
                  containers: [{name: app, image: nginx:1.25}]
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: non-zero-uid-is-not-enough
                  annotations: {rampart.test/expect: may-run-as-root}
                spec:
                  securityContext: {runAsUser: 1000}
                  containers: [{name: app, image: nginx:1.25}]
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: pod-false-despite-containers
                  annotations: {rampart.test/expect: may-run-as-root}
                spec:
                  securityContext: {runAsNonRoot: false}
                  containers: [{name: app, image: nginx:1.25, securityContext: {runAsNonRoot: true}}]
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: container-false-overrides-pod
                  annotations: {rampart.test/expect: may-run-as-root}
                spec:
                  template:
                    spec:
                      securityContext: {runAsNonRoot: true}
                      containers:
                      - {name: app, image: nginx:1.25, securityContext: {runAsNonRoot: false}}
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: init-unset
                  annotations: {rampart.test/expect: may-run-as-root}
                spec:
                  containers: [{name: app, image: nginx:1.25, securityContext: {runAsNonRoot: true}}]
                  initContainers: [{name: setup, image: busybox:1.36}]
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: windows-is-not-exempt
                  annotations: {rampart.test/expect: may-run-as-root}
                spec:
                  os: {name: windows}
                  containers: [{name: app, image: iis:2022}]
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: pod-level}
                spec:
                  securityContext: {runAsNonRoot: true}
                  containers: [{name: app, image: nginx:1.25}]
                  initContainers: [{name: setup, image: busybox:1.36}]
                  ephemeralContainers: [{name: debug, image: busybox:1.36}]
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: every-container}
                spec:
                  containers:
                  - {name: a, image: nginx:1.25, securityContext: {runAsNonRoot: true}}
                  - {name: b, image: nginx:1.25, securityContext: {runAsNonRoot: true}}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: user-namespace}
                spec:
                  hostUsers: false
                  containers: [{name: app, image: nginx:1.25, securityContext: {runAsNonRoot: false}}]
                """)
            .assertExpectations();
    assertThat(tester.tally().notApplicable()).isEqualTo(1);
  }

  @Test
  void reportsExplicitFalseWhereSetAndMissingSettingsOnceAtThePod() {
    List<Finding> findings =
        CheckTester.run(
                new MayRunAsRoot(),
                """
                apiVersion: v1
                kind: Pod
                metadata: {name: web}
                spec:
                  containers:
                  - {name: app, image: nginx:1.25, securityContext: {runAsNonRoot: false}}
                  - {name: proxy, image: envoy:1.30}
                  initContainers: [{name: setup, image: busybox:1.36}]
                """)
            .findings();
    assertThat(findings)
        .extracting(f -> f.evidence().path() + ": " + f.message())
        .containsExactly(
            "spec.containers[0].securityContext.runAsNonRoot: container app sets runAsNonRoot=false",
            "spec.securityContext.runAsNonRoot: neither the pod nor containers proxy, setup set"
                + " runAsNonRoot=true");
    assertThat(findings.get(1).remediation().patch().content())
        .isEqualTo("{\"spec\":{\"securityContext\":{\"runAsNonRoot\":true}}}");
  }
}
