package dev.rampart.checks.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckTester;
import dev.rampart.checks.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretAsEnvironmentVariableTest {

  @Test
  void flagsSecretKeyRefsAndSecretEnvFrom() {
    CheckTester.run(
            new SecretAsEnvironmentVariable(),
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: key-ref
              annotations: {rampart.test/expect: secret-as-environment-variable}
            spec:
              template:
                spec:
                  containers:
                  - name: app
                    image: app:1
                    env:
                    - name: DB_PASSWORD
                      valueFrom: {secretKeyRef: {name: db, key: password}}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: env-from
              annotations: {rampart.test/expect: secret-as-environment-variable}
            spec:
              containers:
              - {name: app, image: app:1}
              initContainers:
              - name: migrate
                image: app:1
                envFrom:
                - secretRef: {name: db}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: files-and-config}
            spec:
              containers:
              - name: app
                image: app:1
                env:
                - {name: MODE, value: production}
                - name: LEVEL
                  valueFrom: {configMapKeyRef: {name: settings, key: level}}
                - name: POD_IP
                  valueFrom: {fieldRef: {fieldPath: status.podIP}}
                envFrom:
                - configMapRef: {name: settings}
                volumeMounts:
                - {name: db, mountPath: /run/secrets/db, readOnly: true}
              volumes:
              - name: db
                secret: {secretName: db}
            """)
        .assertExpectations();
  }

  @Test
  void namesSecretAndKeyNeverAValue() {
    List<Finding> findings =
        CheckTester.run(
                new SecretAsEnvironmentVariable(),
                """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                  - name: app
                    image: app:1
                    env:
                    - {name: MODE, value: production}
                    - name: API_TOKEN
                      valueFrom: {secretKeyRef: {name: api, key: token}}
                    envFrom:
                    - secretRef: {name: all-of-it}
                """)
            .findings();
    assertThat(findings)
        .extracting(f -> f.evidence().path(), f -> f.evidence().value())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "spec.containers[0].env[1].valueFrom.secretKeyRef", "api/token"),
            org.assertj.core.groups.Tuple.tuple(
                "spec.containers[0].envFrom[0].secretRef", "all-of-it"));
    assertThat(findings.get(0).message()).contains("API_TOKEN", "Secret api", "key token");
  }
}
