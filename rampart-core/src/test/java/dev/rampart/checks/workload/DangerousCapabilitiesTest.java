package dev.rampart.checks.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckTester;
import dev.rampart.checks.Finding;
import org.junit.jupiter.api.Test;

class DangerousCapabilitiesTest {

  @Test
  void flagsDangerousAdditionsInAnyCase() {
    CheckTester.run(
            new DangerousCapabilities(),
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: sys-admin
              annotations: {rampart.test/expect: dangerous-capabilities}
            spec:
              containers:
              - {name: app, image: app:1, securityContext: {capabilities: {add: [SYS_ADMIN]}}}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: mixed-case-all
              annotations: {rampart.test/expect: dangerous-capabilities}
            spec:
              containers:
              - {name: app, image: app:1, securityContext: {capabilities: {add: [all]}}}
            ---
            apiVersion: apps/v1
            kind: DaemonSet
            metadata:
              name: prefixed-in-init
              annotations: {rampart.test/expect: dangerous-capabilities}
            spec:
              template:
                spec:
                  initContainers:
                  - {name: net, image: net:1, securityContext: {capabilities: {add: [CAP_NET_ADMIN]}}}
                  containers:
                  - {name: app, image: app:1}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: ptrace-debugger
              annotations: {rampart.test/expect: dangerous-capabilities}
            spec:
              containers:
              - {name: app, image: app:1}
              ephemeralContainers:
              - {name: debug, image: busybox:1, securityContext: {capabilities: {add: [SYS_PTRACE]}}}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: harmless}
            spec:
              containers:
              - name: web
                image: nginx:1
                securityContext: {capabilities: {drop: [ALL], add: [NET_BIND_SERVICE, CHOWN]}}
              - {name: clock, image: exporter:1, securityContext: {capabilities: {add: [SYS_TIME]}}}
              - {name: empty, image: app:1, securityContext: {capabilities: {add: []}}}
              - {name: dropped-only, image: app:1, securityContext: {capabilities: {drop: [SYS_ADMIN]}}}
            """)
        .assertExpectations();
  }

  @Test
  void keepsTheHarmlessCapabilitiesInThePatch() {
    Finding f =
        CheckTester.run(
                new DangerousCapabilities(),
                """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                  - name: app
                    image: app:1
                    securityContext: {capabilities: {add: [NET_BIND_SERVICE, sys_admin, BPF]}}
                """)
            .findings()
            .get(0);
    assertThat(f.evidence().path())
        .isEqualTo("spec.containers[0].securityContext.capabilities.add");
    assertThat(f.evidence().value()).isEqualTo("sys_admin,BPF");
    assertThat(f.message()).contains("SYS_ADMIN: mounts", "BPF: loading eBPF");
    assertThat(f.remediation().patch().content())
        .isEqualTo(
            "{\"spec\":{\"containers\":[{\"name\":\"app\",\"securityContext\":"
                + "{\"capabilities\":{\"add\":[\"NET_BIND_SERVICE\"]}}}]}}");
  }
}
