package dev.rampart.checks.pss;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckTester;
import dev.rampart.checks.Finding;
import org.junit.jupiter.api.Test;

class DefaultCapabilityAddedTest {

  @Test
  void flagsDefaultCapabilitiesAddedBackExceptNetBindService() {
    CheckTester tester =
        CheckTester.run(
                new DefaultCapabilityAdded(),
                """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: chown
                  annotations: {rampart.test/expect: default-capability-added}
                spec:
                  containers:
                  - name: app
                    image: nginx:1.25
                    securityContext: {capabilities: {drop: [ALL], add: [CHOWN]}}
                ---
                apiVersion: batch/v1
                kind: Job
                metadata:
                  name: init-setuid
                  annotations: {rampart.test/expect: default-capability-added}
                spec:
                  template:
                    spec:
                      containers: [{name: job, image: busybox:1.36}]
                      initContainers:
                      - {name: setup, image: busybox:1.36, securityContext: {capabilities: {add: [SETUID]}}}
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: ephemeral-kill
                  annotations: {rampart.test/expect: default-capability-added}
                spec:
                  containers: [{name: app, image: nginx:1.25}]
                  ephemeralContainers:
                  - {name: debug, image: busybox:1.36, securityContext: {capabilities: {add: [KILL]}}}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: net-bind-service}
                spec:
                  containers:
                  - name: app
                    image: nginx:1.25
                    securityContext: {capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: non-default-is-another-check}
                spec:
                  containers:
                  - {name: app, image: nginx:1.25, securityContext: {capabilities: {add: [SYS_ADMIN]}}}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: windows}
                spec:
                  os: {name: windows}
                  containers:
                  - {name: app, image: iis:2022, securityContext: {capabilities: {add: [CHOWN]}}}
                """)
            .assertExpectations();
    assertThat(tester.tally().notApplicable()).isEqualTo(1);
  }

  @Test
  void keepsTheOtherAdditionsInThePatch() {
    Finding f =
        CheckTester.run(
                new DefaultCapabilityAdded(),
                """
                apiVersion: v1
                kind: Pod
                metadata: {name: web}
                spec:
                  containers:
                  - name: app
                    image: nginx:1.25
                    securityContext: {capabilities: {add: [NET_BIND_SERVICE, CHOWN, FOWNER]}}
                """)
            .findings()
            .get(0);
    assertThat(f.evidence().value()).isEqualTo("CHOWN, FOWNER");
    assertThat(f.message())
        .isEqualTo(
            "container app adds capabilities CHOWN, FOWNER; only NET_BIND_SERVICE may be added");
    assertThat(f.remediation().patch().content()).contains("\"add\":[\"NET_BIND_SERVICE\"]");
  }
}
