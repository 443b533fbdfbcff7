package dev.rampart.checks.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckTester;
import dev.rampart.checks.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContainerRuntimeSocketMountTest {

  @Test
  void flagsRuntimeSocketsAndTheDirectoriesHoldingThem() {
    CheckTester.run(
            new ContainerRuntimeSocketMount(),
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: docker-in-docker
              annotations: {rampart.test/expect: container-runtime-socket-mount}
            spec:
              template:
                spec:
                  containers:
                  - name: build
                    image: docker:27
                    volumeMounts: [{name: sock, mountPath: /var/run/docker.sock, readOnly: true}]
                  volumes:
                  - name: sock
                    hostPath: {path: /var/run/docker.sock, type: Socket}
            ---
            apiVersion: apps/v1
            kind: DaemonSet
            metadata:
              name: containerd-dir
              annotations: {rampart.test/expect: container-runtime-socket-mount}
            spec:
              template:
                spec:
                  containers:
                  - {name: agent, image: agent:1}
                  volumes:
                  - name: run
                    hostPath: {path: /run/containerd/}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: var-run
              annotations: {rampart.test/expect: container-runtime-socket-mount}
            spec:
              containers:
              - {name: agent, image: agent:1}
              volumes:
              - name: run
                hostPath: {path: //var/run}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: custom-location
              annotations: {rampart.test/expect: container-runtime-socket-mount}
            spec:
              containers:
              - {name: agent, image: agent:1}
              volumes:
              - name: sock
                hostPath: {path: /opt/runtime/crio.sock}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: other-host-paths}
            spec:
              containers:
              - {name: agent, image: agent:1}
              volumes:
              - {name: lock, hostPath: {path: /run/xtables.lock}}
              - {name: root, hostPath: {path: /}}
              - {name: var, hostPath: {path: /var}}
              - {name: calico, hostPath: {path: /var/run/calico}}
              - {name: data, emptyDir: {}}
            """)
        .assertExpectations();
  }

  @Test
  void saysWhoMountsItEvenReadOnly() {
    Finding f =
        CheckTester.run(
                new ContainerRuntimeSocketMount(),
                """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                  - name: build
                    image: docker:27
                    volumeMounts: [{name: sock, mountPath: /var/run/docker.sock, readOnly: true}]
                  volumes:
                  - {name: data, emptyDir: {}}
                  - {name: sock, hostPath: {path: /var/run/docker.sock}}
                """)
            .findings()
            .get(0);
    assertThat(f.evidence().path()).isEqualTo("spec.volumes[1].hostPath.path");
    assertThat(f.evidence().value()).isEqualTo("/var/run/docker.sock");
    assertThat(f.message()).contains("mounted by build (read-only)");
  }

  @ParameterizedTest
  @CsvSource({
    "/var/run/docker.sock, /var/run/docker.sock",
    "/run, /run/docker.sock",
    "/run/k3s, /run/k3s/containerd/containerd.sock",
    "/var/run/crio, /var/run/crio/crio.sock",
    "/, ",
    "/var, ",
    "/var/lib/docker, ",
    "/run/xtables.lock, "
  })
  void knowsWhichPathsExposeASocket(String path, String socket) {
    assertThat(ContainerRuntimeSocketMount.exposedSocket(path)).isEqualTo(socket);
  }
}
