package dev.rampart.checks.pss;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckTester;
import dev.rampart.checks.Finding;
import org.junit.jupiter.api.Test;

class NonDefaultCapabilitiesTest {

  @Test
  void flagsAddedCapabilitiesOutsideTheDefaultSetComparedExactly() {
    CheckTester.run(
            new NonDefaultCapabilities(),
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: net-raw
              annotations: {rampart.test/expect: non-default-capabilities}
            spec:
              containers:
              - {name: app, image: nginx:1.25, securityContext: {capabilities: {add: [NET_RAW]}}}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: init-sys-admin
              annotations: {rampart.test/expect: non-default-capabilities}
            spec:
              containers: [{name: app, image: nginx:1.25}]
              initContainers:
              - {name: setup, image: busybox:1.36, securityContext: {capabilities: {add: [SYS_ADMIN]}}}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: lower-case
              annotations: {rampart.test/expect: non-default-capabilities}
            spec:
              containers:
              - {name: app, image: nginx:1.25, securityContext: {capabilities: {add: [chown]}}}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: cap-prefix
              annotations: {rampart.test/expect: non-default-capabilities}
            spec:
              containers:
              - {name: app, image: nginx:1.25, securityContext: {capabilities: {add: [CAP_CHOWN]}}}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: all
              annotations: {rampart.test/expect: non-default-capabilities}
            spec:
              template:
                spec:
                  containers:
                  - {name: app, image: nginx:1.25, securityContext: {capabilities: {add: [ALL]}}}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: ephemeral-ptrace
              annotations: {rampart.test/expect: non-default-capabilities}
            spec:
              containers: [{name: app, image: nginx:1.25}]
              ephemeralContainers:
              - name: debug
                image: busybox:1.36
                securityContext: {capabilities: {add: [SYS_PTRACE]}}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: windows-is-not-exempt
              annotations: {rampart.test/expect: non-default-capabilities}
            spec:
              os: {name: windows}
              containers:
              - {name: app, image: iis:2022, securityContext: {capabilities: {add: [SYS_ADMIN]}}}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: null-entry-is-no-default-capability
              annotations: {rampart.test/expect: non-default-capabilities}
            spec:
              containers:
              - {name: app, image: nginx:1.25, securityContext: {capabilities: {add: [null]}}}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: default-set}
            spec:
              containers:
              - name: app
                image: nginx:1.25
                securityContext:
                  capabilities:
                    add: [AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD,
                          NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT]
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: only-drops-or-empty}
            spec:
              containers:
              - {name: app, image: nginx:1.25, securityContext: {capabilities: {drop: [SYS_ADMIN]}}}
              - {name: side, image: nginx:1.25, securityContext: {capabilities: {}}}
              - {name: bare, image: nginx:1.25}
            """)
        .assertExpectations();
  }

  @Test
  void reportsTheContainerOnceAndPatchesTheAdditionsAway() {
    Finding f =
        CheckTester.run(
                new NonDefaultCapabilities(),
                """
                apiVersion: v1
                kind: Pod
                metadata: {name: web}
                spec:
                  containers:
                  - name: app
                    image: nginx:1.25
                    securityContext:
                      capabilities: {add: [NET_BIND_SERVICE, SYS_ADMIN, NET_RAW, SYS_ADMIN]}
                """)
            .findings()
            .get(0);
    assertThat(f.evidence().path())
        .isEqualTo("spec.containers[0].securityContext.capabilities.add");
    assertThat(f.evidence().value()).isEqualTo("SYS_ADMIN, NET_RAW");
    assertThat(f.message())
        .isEqualTo(
            "container app adds capabilities SYS_ADMIN, NET_RAW beyond the runtime's default set");
    assertThat(f.remediation().patch().content())
        .isEqualTo(
            "{\"spec\":{\"containers\":[{\"name\":\"app\",\"securityContext\":"
                + "{\"capabilities\":{\"add\":[\"NET_BIND_SERVICE\"]}}}]}}");
  }
}
