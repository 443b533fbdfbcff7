package dev.rampart.checks.pss;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckTester;
import dev.rampart.checks.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class AppArmorUnconfinedTest {

  @Test
  void flagsProfileFieldsThatDoNotConfine() {
    CheckTester.run(
            new AppArmorUnconfined(),
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: pod-unconfined
              annotations: {rampart.test/expect: apparmor-unconfined}
            spec:
              securityContext: {appArmorProfile: {type: Unconfined}}
              containers: [{name: app, image: nginx:1.25}]
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: container-unconfined
              annotations: {rampart.test/expect: apparmor-unconfined}
            spec:
              template:
                spec:
                  containers:
                  - {name: app, image: nginx:1.25, securityContext: {appArmorProfile: {type: Unconfined}}}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: empty-profile
              annotations: {rampart.test/expect: apparmor-unconfined}
            spec:
              initContainers:
              - {name: setup, image: busybox:1.36, securityContext: {appArmorProfile: {}}}
              containers: [{name: app, image: nginx:1.25}]
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: ephemeral-unconfined
              annotations: {rampart.test/expect: apparmor-unconfined}
            spec:
              containers: [{name: app, image: nginx:1.25}]
              ephemeralContainers:
              - {name: debug, image: busybox:1.36, securityContext: {appArmorProfile: {type: Unconfined}}}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: confined-or-unset}
            spec:
              securityContext: {appArmorProfile: {type: RuntimeDefault}}
              containers:
              - name: app
                image: nginx:1.25
                securityContext: {appArmorProfile: {type: Localhost, localhostProfile: k8s-nginx}}
              - {name: side, image: nginx:1.25}
            """)
        .assertExpectations();
  }

  @Test
  void flagsPodTemplateAnnotationsThatDoNotConfine() {
    CheckTester.run(
            new AppArmorUnconfined(),
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: annotation-unconfined
              annotations:
                rampart.test/expect: apparmor-unconfined
                container.apparmor.security.beta.kubernetes.io/app: unconfined
            spec:
              containers: [{name: app, image: nginx:1.25}]
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: annotation-docker-default
              annotations:
                rampart.test/expect: apparmor-unconfined
                container.apparmor.security.beta.kubernetes.io/no-such-container: docker/default
            spec:
              containers: [{name: app, image: nginx:1.25}]
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: template-annotation
              annotations: {rampart.test/expect: apparmor-unconfined}
            spec:
              template:
                metadata:
                  annotations: {container.apparmor.security.beta.kubernetes.io/app: unconfined}
                spec:
                  containers: [{name: app, image: nginx:1.25}]
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: workload-annotation-is-not-the-pods
              annotations: {container.apparmor.security.beta.kubernetes.io/app: unconfined}
            spec:
              template:
                spec:
                  containers: [{name: app, image: nginx:1.25}]
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: allowed-annotations
              annotations:
                container.apparmor.security.beta.kubernetes.io/a: runtime/default
                container.apparmor.security.beta.kubernetes.io/b: localhost/k8s-nginx
                container.apparmor.security.beta.kubernetes.io/c: ""
                apparmor.example.com/d: unconfined
            spec:
              containers: [{name: a, image: nginx:1.25}]
            """)
        .assertExpectations();
  }

  @Test
  void pointsAtEachSettingAndPatchesIt() {
    List<Finding> findings =
        CheckTester.run(
                new AppArmorUnconfined(),
                """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  template:
                    metadata:
                      annotations: {container.apparmor.security.beta.kubernetes.io/app: unconfined}
                    spec:
                      securityContext: {appArmorProfile: {type: Unconfined}}
                      containers: [{name: app, image: nginx:1.25}]
                """)
            .findings();
    assertThat(findings)
        .extracting(f -> f.evidence().path())
        .containsExactly(
            "spec.template.spec.securityContext.appArmorProfile.type",
            "spec.template.metadata.annotations['container.apparmor.security.beta.kubernetes.io/app']");
    assertThat(findings.get(0).remediation().patch().content())
        .isEqualTo(
            "{\"spec\":{\"template\":{\"spec\":{\"securityContext\":"
                + "{\"appArmorProfile\":{\"type\":\"RuntimeDefault\"}}}}}}");
    assertThat(findings.get(1).evidence().value()).isEqualTo("unconfined");
    assertThat(findings.get(1).remediation().patch().content())
        .isEqualTo(
            "{\"spec\":{\"template\":{\"metadata\":{\"annotations\":"
                + "{\"container.apparmor.security.beta.kubernetes.io/app\":null}}}}}");
  }
}
