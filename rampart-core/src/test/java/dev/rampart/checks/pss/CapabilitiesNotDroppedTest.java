package dev.rampart.checks.pss;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckTester;
import dev.rampart.checks.Finding;
import org.junit.jupiter.api.Test;

class CapabilitiesNotDroppedTest {

  @Test
  void requiresDropAllInEveryContainer() {
    CheckTester tester =
        CheckTester.run(
                new CapabilitiesNotDropped(),
                """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: no-security-context
                  annotations: {rampart.test/expect: capabilities-not-dropped}
                spec:
                  containers: [{name: app, image: nginx:1.25}]
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: empty-capabilities
                  annotations: {rampart.test/expect: capabilities-not-dropped}
                spec:
                  containers: [{name: app, image: nginx:1.25, securityContext: {capabilities: {}}}]
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: lower-case-all
                  annotations: {rampart.test/expect: capabilities-not-dropped}
                spec:
                  containers:
                  - {name: app, image: nginx:1.25, securityContext: {capabilities: {drop: [all]}}}
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: by-name
                  annotations: {rampart.test/expect: capabilities-not-dropped}
                spec:
                  containers:
                  - name: app
                    image: nginx:1.25
                    securityContext: {capabilities: {drop: [NET_RAW, CHOWN, SETUID, SYS_ADMIN]}}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: init-keeps-them
                  annotations: {rampart.test/expect: capabilities-not-dropped}
                spec:
                  template:
                    spec:
                      containers:
                      - {name: app, image: nginx:1.25, securityContext: {capabilities: {drop: [ALL]}}}
                      initContainers: [{name: setup, image: busybox:1.36}]
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: ephemeral-keeps-them
                  annotations: {rampart.test/expect: capabilities-not-dropped}
                spec:
                  containers:
                  - {name: app, image: nginx:1.25, securityContext: {capabilities: {drop: [ALL]}}}
                  ephemeralContainers: [{name: debug, image: busybox:1.36}]
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: all-dropped}
                spec:
                  template:
                    spec:
                      containers:
                      - name: app
                        image: nginx:1.25
                        securityContext: {capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}}
                      initContainers:
                      - {name: setup, image: busybox:1.36, securityContext: {capabilities: {drop: [ALL]}}}
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
  void patchesDropAllIntoTheContainer() {
    Finding f =
        CheckTester.run(
                new CapabilitiesNotDropped(),
                """
                apiVersion: v1
                kind: Pod
                metadata: {name: web}
                spec:
                  containers:
                  - {name: app, image: nginx:1.25, securityContext: {capabilities: {drop: [NET_RAW]}}}
                """)
            .findings()
            .get(0);
    assertThat(f.evidence().path())
        .isEqualTo("spec.containers[0].securityContext.capabilities.drop");
    assertThat(f.evidence().value()).isEqualTo("NET_RAW");
    assertThat(f.remediation().patch().content())
        .isEqualTo(
            "{\"spec\":{\"containers\":[{\"name\":\"app\",\"securityContext\":"
                + "{\"capabilities\":{\"drop\":[\"ALL\"]}}}]}}");
  }
}
