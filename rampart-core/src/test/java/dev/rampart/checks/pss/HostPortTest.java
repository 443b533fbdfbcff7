package dev.rampart.checks.pss;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckTester;
import dev.rampart.checks.Finding;
import org.junit.jupiter.api.Test;

class HostPortTest {

  @Test
  void flagsNonZeroHostPortsInEveryContainerList() {
    CheckTester.run(
            new HostPort(),
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: regular
              annotations: {rampart.test/expect: host-port}
            spec:
              containers:
              - {name: app, image: nginx:1.25, ports: [{containerPort: 80, hostPort: 8080}]}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: init
              annotations: {rampart.test/expect: host-port}
            spec:
              containers: [{name: app, image: nginx:1.25}]
              initContainers:
              - {name: setup, image: busybox:1.36, ports: [{containerPort: 53, hostPort: 53}]}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: ephemeral
              annotations: {rampart.test/expect: host-port}
            spec:
              containers: [{name: app, image: nginx:1.25}]
              ephemeralContainers:
              - {name: debug, image: busybox:1.36, ports: [{containerPort: 9000, hostPort: 9000}]}
            ---
            apiVersion: apps/v1
            kind: DaemonSet
            metadata:
              name: node-exporter
              annotations: {rampart.test/expect: host-port}
            spec:
              template:
                spec:
                  containers:
                  - name: exporter
                    image: prom/node-exporter:1.8
                    ports: [{containerPort: 9100, hostPort: 9100}]
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: zero-or-unset}
            spec:
              containers:
              - name: app
                image: nginx:1.25
                ports: [{containerPort: 80, hostPort: 0}, {containerPort: 443}]
            """)
        .assertExpectations();
  }

  @Test
  void patchesTheHostPortAwayByContainerPort() {
    Finding f =
        CheckTester.run(
                new HostPort(),
                """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  template:
                    spec:
                      containers:
                      - name: app
                        image: nginx:1.25
                        ports: [{containerPort: 80}, {containerPort: 443, hostPort: 443}]
                """)
            .findings()
            .get(0);
    assertThat(f.evidence().path()).isEqualTo("spec.template.spec.containers[0].ports[1].hostPort");
    assertThat(f.evidence().value()).isEqualTo("443");
    assertThat(f.resource().container()).isEqualTo("app");
    assertThat(f.remediation().patch().content())
        .isEqualTo(
            "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"app\","
                + "\"ports\":[{\"containerPort\":443,\"hostPort\":null}]}]}}}}");
  }
}
