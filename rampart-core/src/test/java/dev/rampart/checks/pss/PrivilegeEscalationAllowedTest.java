package dev.rampart.checks.pss;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckTester;
import dev.rampart.checks.Finding;
import org.junit.jupiter.api.Test;

class PrivilegeEscalationAllowedTest {

  @Test
  void requiresAnExplicitFalseInEveryContainer() {
    CheckTester tester =
        CheckTester.run(
                new PrivilegeEscalationAllowed(),
                """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: unset
                  annotations: {rampart.test/expect: privilege-escalation-allowed}
                spec:
                  containers: [{name: app, image: nginx:1.25, securityContext: {runAsNonRoot: true}}]
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: explicit-true
                  annotations: {rampart.test/expect: privilege-escalation-allowed}
                spec:
                  containers:
                  - {name: app, image: nginx:1.25, securityContext: {allowPrivilegeEscalation: true}}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: init-unset
                  annotations: {rampart.test/expect: privilege-escalation-allowed}
                spec:
                  template:
                    spec:
                      containers:
                      - {name: app, image: nginx:1.25, securityContext: {allowPrivilegeEscalation: false}}
                      initContainers: [{name: setup, image: busybox:1.36}]
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: ephemeral-unset
                  annotations: {rampart.test/expect: privilege-escalation-allowed}
                spec:
                  containers:
                  - {name: app, image: nginx:1.25, securityContext: {allowPrivilegeEscalation: false}}
                  ephemeralContainers: [{name: debug, image: busybox:1.36}]
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: all-false}
                spec:
                  containers:
                  - {name: app, image: nginx:1.25, securityContext: {allowPrivilegeEscalation: false}}
                  initContainers:
                  - {name: setup, image: busybox:1.36, securityContext: {allowPrivilegeEscalation: false}}
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
  void patchesFalseIntoTheContainer() {
    Finding f =
        CheckTester.run(
                new PrivilegeEscalationAllowed(),
                """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: shop}
                spec:
                  template:
                    spec:
                      containers: [{name: app, image: nginx:1.25}]
                """)
            .findings()
            .get(0);
    assertThat(f.evidence().path())
        .isEqualTo("spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation");
    assertThat(f.evidence().value()).isNull();
    assertThat(f.message()).isEqualTo("container app does not set allowPrivilegeEscalation=false");
    assertThat(f.remediation().patch().content())
        .isEqualTo(
            "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"app\","
                + "\"securityContext\":{\"allowPrivilegeEscalation\":false}}]}}}}");
  }
}
