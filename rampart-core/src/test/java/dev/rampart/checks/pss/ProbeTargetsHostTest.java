package dev.rampart.checks.pss;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckTester;
import dev.rampart.checks.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProbeTargetsHostTest {

  @Test
  void flagsAnyHostInProbesAndLifecycleHandlers() {
    CheckTester.run(
            new ProbeTargetsHost(),
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: liveness-http
              annotations: {rampart.test/expect: probe-targets-host}
            spec:
              containers:
              - name: app
                image: nginx:1.25
                livenessProbe: {httpGet: {host: 169.254.169.254, path: /latest/meta-data, port: 80}}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: sidecar-readiness-tcp
              annotations: {rampart.test/expect: probe-targets-host}
            spec:
              template:
                spec:
                  containers: [{name: app, image: nginx:1.25}]
                  initContainers:
                  - name: proxy
                    image: envoy:1.30
                    restartPolicy: Always
                    readinessProbe: {tcpSocket: {host: localhost, port: 10250}}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: startup-loopback
              annotations: {rampart.test/expect: probe-targets-host}
            spec:
              containers:
              - {name: app, image: nginx:1.25, startupProbe: {httpGet: {host: 127.0.0.1, port: 8080}}}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: pre-stop
              annotations: {rampart.test/expect: probe-targets-host}
            spec:
              containers:
              - name: app
                image: nginx:1.25
                lifecycle: {preStop: {httpGet: {host: internal.example.com, port: 80}}}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: ephemeral-post-start-tcp
              annotations: {rampart.test/expect: probe-targets-host}
            spec:
              containers: [{name: app, image: nginx:1.25}]
              ephemeralContainers:
              - name: debug
                image: busybox:1.36
                lifecycle: {postStart: {tcpSocket: {host: "::1", port: 22}}}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: own-pod-ip}
            spec:
              containers:
              - name: app
                image: nginx:1.25
                livenessProbe:
                  httpGet: {port: 8080, httpHeaders: [{name: Host, value: example.com}]}
                readinessProbe: {tcpSocket: {host: "", port: 8080}}
                startupProbe: {exec: {command: [cat, /tmp/ready]}}
                lifecycle:
                  postStart: {exec: {command: [sh, -c, "true"]}}
                  preStop: {sleep: {seconds: 5}}
              - {name: grpc, image: grpc:1, livenessProbe: {grpc: {port: 9090}}}
            """)
        .assertExpectations();
  }

  @Test
  void reportsEachHostAndPatchesItAway() {
    List<Finding> findings =
        CheckTester.run(
                new ProbeTargetsHost(),
                """
                apiVersion: v1
                kind: Pod
                metadata: {name: web}
                spec:
                  containers:
                  - name: app
                    image: nginx:1.25
                    livenessProbe: {httpGet: {host: a.example, port: 80}}
                    lifecycle: {postStart: {httpGet: {host: b.example, port: 80}}}
                """)
            .findings();
    assertThat(findings)
        .extracting(f -> f.evidence().path() + "=" + f.evidence().value())
        .containsExactly(
            "spec.containers[0].livenessProbe.httpGet.host=a.example",
            "spec.containers[0].lifecycle.postStart.httpGet.host=b.example");
    assertThat(findings.get(0).remediation().patch().content())
        .isEqualTo(
            "{\"spec\":{\"containers\":[{\"name\":\"app\",\"livenessProbe\":"
                + "{\"httpGet\":{\"host\":null}}}]}}");
  }
}
