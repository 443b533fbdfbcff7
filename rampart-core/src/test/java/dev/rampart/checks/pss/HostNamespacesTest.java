package dev.rampart.checks.pss;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckTester;
import dev.rampart.checks.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostNamespacesTest {

  @Test
  void flagsEachSharedNamespaceOfEveryWorkloadKind() {
    CheckTester.run(
            new HostNamespaces(),
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: host-network
              annotations: {rampart.test/expect: host-namespaces}
            spec:
              hostNetwork: true
              containers: [{name: app, image: nginx:1.25}]
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: host-pid
              annotations: {rampart.test/expect: host-namespaces}
            spec:
              template:
                spec:
                  hostPID: true
                  containers: [{name: app, image: nginx:1.25}]
            ---
            apiVersion: batch/v1
            kind: CronJob
            metadata:
              name: host-ipc
              annotations: {rampart.test/expect: host-namespaces}
            spec:
              schedule: "0 * * * *"
              jobTemplate:
                spec:
                  template:
                    spec:
                      hostIPC: true
                      containers: [{name: job, image: busybox:1.36}]
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: explicit-false}
            spec:
              hostNetwork: false
              hostPID: false
              hostIPC: false
              containers: [{name: app, image: nginx:1.25}]
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: unset-and-host-users}
            spec:
              hostUsers: true
              containers: [{name: app, image: nginx:1.25}]
            """)
        .assertExpectations();
  }

  @Test
  void reportsOneFindingPerNamespaceWithAPodPatch() {
    List<Finding> findings =
        CheckTester.run(
                new HostNamespaces(),
                """
                apiVersion: apps/v1
                kind: DaemonSet
                metadata: {name: agent, namespace: monitoring}
                spec:
                  template:
                    spec:
                      hostNetwork: true
                      hostPID: true
                      hostIPC: true
                      containers: [{name: agent, image: agent:1}]
                """)
            .findings();
    assertThat(findings)
        .extracting(f -> f.evidence().path())
        .containsExactly(
            "spec.template.spec.hostNetwork",
            "spec.template.spec.hostPID",
            "spec.template.spec.hostIPC");
    assertThat(findings.get(1).remediation().patch().content())
        .isEqualTo("{\"spec\":{\"template\":{\"spec\":{\"hostPID\":false}}}}");
    assertThat(findings.get(1).evidence().value()).isEqualTo("true");
  }
}
