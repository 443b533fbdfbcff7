package dev.rampart.checks.pss;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckTester;
import dev.rampart.checks.Finding;
import org.junit.jupiter.api.Test;

class HostPathVolumeTest {

  @Test
  void flagsAnyHostPathVolume() {
    CheckTester.run(
            new HostPathVolume(),
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: docker-socket
              annotations: {rampart.test/expect: host-path-volume}
            spec:
              containers:
              - name: app
                image: docker:24
                volumeMounts: [{name: sock, mountPath: /var/run/docker.sock}]
              volumes:
              - {name: sock, hostPath: {path: /var/run/docker.sock, type: Socket}}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: read-only-mount
              annotations: {rampart.test/expect: host-path-volume}
            spec:
              template:
                spec:
                  containers:
                  - name: app
                    image: nginx:1.25
                    volumeMounts: [{name: tz, mountPath: /etc/localtime, readOnly: true}]
                  volumes:
                  - {name: tz, hostPath: {path: /etc/localtime}}
            ---
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: db}
            spec:
              serviceName: db
              template:
                spec:
                  containers: [{name: db, image: postgres:16}]
                  volumes:
                  - {name: scratch, emptyDir: {}}
                  - {name: config, configMap: {name: db}}
                  - {name: creds, secret: {secretName: db}}
              volumeClaimTemplates:
              - metadata: {name: data}
                spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
            """)
        .assertExpectations();
  }

  @Test
  void pointsAtTheVolumeAndOffersNoPatch() {
    Finding f =
        CheckTester.run(
                new HostPathVolume(),
                """
                apiVersion: batch/v1
                kind: Job
                metadata: {name: backup}
                spec:
                  template:
                    spec:
                      containers: [{name: dump, image: busybox:1.36}]
                      volumes:
                      - {name: tmp, emptyDir: {}}
                      - {name: root, hostPath: {path: /}}
                """)
            .findings()
            .get(0);
    assertThat(f.evidence().path()).isEqualTo("spec.template.spec.volumes[1].hostPath");
    assertThat(f.evidence().value()).isEqualTo("/");
    assertThat(f.message()).isEqualTo("volume root mounts the node path /");
    assertThat(f.remediation().patch()).isNull();
  }
}
