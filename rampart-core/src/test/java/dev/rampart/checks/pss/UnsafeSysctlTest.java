package dev.rampart.checks.pss;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckTester;
import dev.rampart.checks.Finding;
import org.junit.jupiter.api.Test;

class UnsafeSysctlTest {

  @Test
  void allowsOnlyTheSafeSetSpelledExactly() {
    CheckTester.run(
            new UnsafeSysctl(),
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: kernel-wide
              annotations: {rampart.test/expect: unsafe-sysctl}
            spec:
              securityContext: {sysctls: [{name: kernel.msgmax, value: "65536"}]}
              containers: [{name: app, image: nginx:1.25}]
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: slash-spelling
              annotations: {rampart.test/expect: unsafe-sysctl}
            spec:
              template:
                spec:
                  securityContext: {sysctls: [{name: net/ipv4/tcp_syncookies, value: "1"}]}
                  containers: [{name: app, image: nginx:1.25}]
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: safe-set}
            spec:
              securityContext:
                sysctls:
                - {name: kernel.shm_rmid_forced, value: "1"}
                - {name: net.ipv4.ip_local_port_range, value: "1024 65000"}
                - {name: net.ipv4.ip_local_reserved_ports, value: "8080"}
                - {name: net.ipv4.tcp_syncookies, value: "1"}
                - {name: net.ipv4.ping_group_range, value: "0 2147483647"}
                - {name: net.ipv4.ip_unprivileged_port_start, value: "80"}
                - {name: net.ipv4.tcp_keepalive_time, value: "600"}
                - {name: net.ipv4.tcp_fin_timeout, value: "30"}
                - {name: net.ipv4.tcp_keepalive_intvl, value: "60"}
                - {name: net.ipv4.tcp_keepalive_probes, value: "5"}
                - {name: net.ipv4.tcp_rmem, value: "4096 87380 6291456"}
                - {name: net.ipv4.tcp_wmem, value: "4096 16384 4194304"}
                - {name: net.ipv4.tcp_slow_start_after_idle, value: "0"}
                - {name: net.ipv4.tcp_notsent_lowat, value: "16384"}
              containers: [{name: app, image: nginx:1.25}]
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: none}
            spec:
              securityContext: {runAsNonRoot: true}
              containers: [{name: app, image: nginx:1.25}]
            """)
        .assertExpectations();
  }

  @Test
  void reportsEachUnsafeEntryAndPatchesInTheSafeOnes() {
    Finding f =
        CheckTester.run(
                new UnsafeSysctl(),
                """
                apiVersion: v1
                kind: Pod
                metadata: {name: web}
                spec:
                  securityContext:
                    sysctls:
                    - {name: net.ipv4.tcp_syncookies, value: "1"}
                    - {name: net.core.somaxconn, value: "4096"}
                  containers: [{name: app, image: nginx:1.25}]
                """)
            .findings()
            .get(0);
    assertThat(f.evidence().path()).isEqualTo("spec.securityContext.sysctls[1].name");
    assertThat(f.evidence().value()).isEqualTo("net.core.somaxconn");
    assertThat(f.remediation().patch().content())
        .isEqualTo(
            "{\"spec\":{\"securityContext\":{\"sysctls\":"
                + "[{\"name\":\"net.ipv4.tcp_syncookies\",\"value\":\"1\"}]}}}");
  }
}
