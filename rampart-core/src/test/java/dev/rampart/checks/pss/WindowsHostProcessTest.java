package dev.rampart.checks.pss;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckTester;
import dev.rampart.checks.Finding;
import org.junit.jupiter.api.Test;

class WindowsHostProcessTest {

  @Test
  void flagsHostProcessAtPodAndContainerLevel() {
    CheckTester.run(
            new WindowsHostProcess(),
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: pod-level
              annotations: {rampart.test/expect: windows-host-process}
            spec:
              hostNetwork: true
              securityContext: {windowsOptions: {hostProcess: true, runAsUserName: ContainerAdministrator}}
              containers: [{name: app, image: agent:1}]
            ---
            apiVersion: apps/v1
            kind: DaemonSet
            metadata:
              name: container-level
              annotations: {rampart.test/expect: windows-host-process}
            spec:
              template:
                spec:
                  os: {name: windows}
                  hostNetwork: true
                  containers:
                  - {name: agent, image: agent:1, securityContext: {windowsOptions: {hostProcess: true}}}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: init-on-a-linux-pod
              annotations: {rampart.test/expect: windows-host-process}
            spec:
              os: {name: linux}
              containers: [{name: app, image: nginx:1.25}]
              initContainers:
              - {name: setup, image: agent:1, securityContext: {windowsOptions: {hostProcess: true}}}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: ephemeral
              annotations: {rampart.test/expect: windows-host-process}
            spec:
              containers: [{name: app, image: iis:2022}]
              ephemeralContainers:
              - {name: debug, image: agent:1, securityContext: {windowsOptions: {hostProcess: true}}}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: isolated}
            spec:
              os: {name: windows}
              securityContext: {windowsOptions: {hostProcess: false, runAsUserName: ContainerUser}}
              containers:
              - {name: app, image: iis:2022, securityContext: {windowsOptions: {}}}
            """)
        .assertExpectations();
  }

  @Test
  void patchesTheSettingSite() {
    Finding f =
        CheckTester.run(
                new WindowsHostProcess(),
                """
                apiVersion: v1
                kind: Pod
                metadata: {name: agent}
                spec:
                  hostNetwork: true
                  securityContext: {windowsOptions: {hostProcess: true}}
                  containers: [{name: app, image: agent:1}]
                """)
            .findings()
            .get(0);
    assertThat(f.evidence().path()).isEqualTo("spec.securityContext.windowsOptions.hostProcess");
    assertThat(f.resource().container()).isNull();
    assertThat(f.message()).isEqualTo("pod sets windowsOptions.hostProcess=true");
    assertThat(f.remediation().patch().content())
        .isEqualTo("{\"spec\":{\"securityContext\":{\"windowsOptions\":{\"hostProcess\":false}}}}");
  }
}
