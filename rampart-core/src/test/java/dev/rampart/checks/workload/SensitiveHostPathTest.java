package dev.rampart.checks.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SensitiveHostPathTest {

  @Test
  void flagsSensitiveNodeDirectories() {
    CheckTester.run(
            new SensitiveHostPath(),
            """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata:
              name: node-exporter
              annotations: {rampart.test/expect: sensitive-host-path}
            spec:
              template:
                spec:
                  containers:
                  - name: exporter
                    image: exporter:1
                    volumeMounts:
                    - {name: root, mountPath: /host/root, readOnly: true}
                  volumes:
                  - {name: root, hostPath: {path: /}}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: kubelet-credentials
              annotations: {rampart.test/expect: sensitive-host-path}
            spec:
              containers:
              - {name: app, image: app:1}
              volumes:
              - {name: pki, hostPath: {path: /var/lib/kubelet/pki}}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: dotdot
              annotations: {rampart.test/expect: sensitive-host-path}
            spec:
              containers:
              - {name: app, image: app:1}
              volumes:
              - {name: x, hostPath: {path: /tmp/../etc/}}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: usual-mounts}
            spec:
              containers:
              - {name: app, image: app:1}
              volumes:
              - {name: certs, hostPath: {path: /etc/ssl/certs}}
              - {name: tz, hostPath: {path: /etc/localtime}}
              - {name: modules, hostPath: {path: /lib/modules}}
              - {name: lock, hostPath: {path: /run/xtables.lock}}
              - {name: cni, hostPath: {path: /opt/cni/bin}}
              - {name: data, hostPath: {path: /mnt/data}}
              - {name: windows, hostPath: {path: 'C:\\\\var\\\\log'}}
            """)
        .assertExpectations();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/",
        "/etc",
        "/proc",
        "/proc/sys/kernel",
        "/sys",
        "/sys/fs/cgroup",
        "/root",
        "/home/admin/.ssh",
        "/dev",
        "/dev/sda",
        "/boot",
        "/var",
        "/var/lib",
        "/var/log",
        "/var/log/pods",
        "/var/lib/kubelet",
        "/var/lib/docker/overlay2",
        "/var/lib/containerd",
        "/var/lib/etcd",
        "/etc/kubernetes",
        "/etc/kubernetes/pki",
        "/etc/shadow",
        "/etc/cron.d",
        "/usr",
        "/bin"
      })
  void sensitive(String path) {
    assertThat(SensitiveHostPath.sensitive(path)).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/etc/ssl/certs",
        "/etc/localtime",
        "/etc/machine-id",
        "/lib/modules",
        "/usr/share/ca-certificates",
        "/run/xtables.lock",
        "/var/run/calico",
        "/opt/cni/bin",
        "/etc/cni/net.d",
        "/mnt/data",
        "/var/lib/calico"
      })
  void notSensitive(String path) {
    assertThat(SensitiveHostPath.sensitive(path)).isNull();
  }
}
