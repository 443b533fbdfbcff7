package dev.rampart.checks.pss;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckTester;
import dev.rampart.checks.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestrictedVolumeTypeTest {

  @Test
  void allowsOnlyTheCoreVolumeTypes() {
    CheckTester.run(
            new RestrictedVolumeType(),
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: nfs
              annotations: {rampart.test/expect: restricted-volume-type}
            spec:
              containers: [{name: app, image: nginx:1.25}]
              volumes: [{name: share, nfs: {server: nfs.example, path: /export}}]
            ---
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: git-repo
              annotations: {rampart.test/expect: restricted-volume-type}
            spec:
              serviceName: site
              template:
                spec:
                  containers: [{name: app, image: nginx:1.25}]
                  volumes:
                  - {name: site, gitRepo: {repository: "https://example.com/site.git"}}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: photon
              annotations: {rampart.test/expect: restricted-volume-type}
            spec:
              containers: [{name: app, image: nginx:1.25}]
              volumes: [{name: disk, photonPersistentDisk: {pdID: abc}}]
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: unknown-source
              annotations: {rampart.test/expect: restricted-volume-type}
            spec:
              containers: [{name: app, image: nginx:1.25}]
              volumes: [{name: odd, madeUpVolume: {path: /x}}]
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: allowed}
            spec:
              template:
                spec:
                  containers: [{name: app, image: nginx:1.25}]
                  volumes:
                  - {name: a, configMap: {name: cfg}}
                  - {name: b, csi: {driver: secrets-store.csi.k8s.io}}
                  - {name: c, downwardAPI: {items: [{path: labels, fieldRef: {fieldPath: metadata.labels}}]}}
                  - {name: d, emptyDir: {medium: Memory}}
                  - {name: e, ephemeral: {volumeClaimTemplate: {spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}}}}
                  - {name: f, image: {reference: "registry.example/data:1"}}
                  - {name: g, persistentVolumeClaim: {claimName: data}}
                  - {name: h, projected: {sources: [{serviceAccountToken: {path: token}}]}}
                  - {name: i, secret: {secretName: creds}}
                  - {name: defaulted-to-empty-dir}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: host-path-is-another-check}
            spec:
              containers: [{name: app, image: nginx:1.25}]
              volumes: [{name: root, hostPath: {path: /}}]
            """)
        .assertExpectations();
  }

  @Test
  void namesTheTypeAndPointsAtIt() {
    List<Finding> findings =
        CheckTester.run(
                new RestrictedVolumeType(),
                """
                apiVersion: batch/v1
                kind: Job
                metadata: {name: backup}
                spec:
                  template:
                    spec:
                      containers: [{name: app, image: nginx:1.25}]
                      volumes:
                      - {name: tmp, emptyDir: {}}
                      - {name: disk, awsElasticBlockStore: {volumeID: vol-1}}
                      - {name: odd, madeUpVolume: {}}
                """)
            .findings();
    assertThat(findings)
        .extracting(f -> f.evidence().path() + "=" + f.evidence().value())
        .containsExactly(
            "spec.template.spec.volumes[1].awsElasticBlockStore=awsElasticBlockStore",
            "spec.template.spec.volumes[2]=unknown");
    assertThat(findings.get(0).message())
        .isEqualTo("volume disk uses restricted volume type awsElasticBlockStore");
  }
}
