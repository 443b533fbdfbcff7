package dev.rampart.checks.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckTester;
import dev.rampart.checks.Finding;
import org.junit.jupiter.api.Test;

class PlaintextSecretInAnnotationTest {

  @Test
  void flagsCredentialsInAnnotationsOfAnyObject() {
    CheckTester.run(
            new PlaintextSecretInAnnotation(),
            """
            apiVersion: v1
            kind: Service
            metadata:
              name: aws-key
              annotations:
                rampart.test/expect: plaintext-secret-in-annotation
                example.com/backup-target: "s3://AKIAIOSFODNN7EXAMPLE@bucket"
            spec:
              ports: [{port: 80}]
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: pod-template-token
              annotations: {rampart.test/expect: plaintext-secret-in-annotation}
            spec:
              template:
                metadata:
                  annotations:
                    example.com/api-token: 8f14e45fceea167a5a36dedd4bea2543
                spec:
                  containers:
                  - {name: app, image: app:1}
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: webhook
              annotations:
                rampart.test/expect: plaintext-secret-in-annotation
                alerts.example.com/slack: https://hooks.slack.com/services/T0000000/B0000000/XXXXXXXXXXXXXXXXXXXXXXXX
            spec: {}
            ---
            apiVersion: example.com/v1
            kind: Widget
            metadata:
              name: custom-resource
              annotations:
                rampart.test/expect: plaintext-secret-in-annotation
                example.com/client-secret: Zx81kQp2Lm07sVb4Rt9W
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: written-out-password
              annotations:
                rampart.test/expect: plaintext-secret-in-annotation
                example.com/admin-password: Summer2024!
            spec:
              ports: [{port: 80}]
            ---
            apiVersion: v1
            kind: Secret
            metadata:
              name: applied-with-kubectl
              annotations:
                rampart.test/expect: plaintext-secret-in-annotation
                kubectl.kubernetes.io/last-applied-configuration: '{"apiVersion":"v1","data":{"password":"aHVudGVyMg=="},"kind":"Secret","metadata":{"name":"applied-with-kubectl"}}'
            data:
              password: aHVudGVyMg==
            ---
            apiVersion: v1
            kind: Secret
            metadata:
              name: applied-without-data
              annotations:
                kubectl.kubernetes.io/last-applied-configuration: '{"apiVersion":"v1","kind":"Secret","metadata":{"name":"applied-without-data"},"type":"Opaque"}'
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: applied-configmap
              annotations:
                kubectl.kubernetes.io/last-applied-configuration: '{"data":{"db_password":"hunter2"}}'
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: references-and-metadata
              annotations:
                vault.hashicorp.com/agent-inject: "true"
                vault.hashicorp.com/agent-inject-secret-db: database/creds/db-app
                nginx.ingress.kubernetes.io/auth-secret: basic-auth
                nginx.ingress.kubernetes.io/auth-tls-secret: ingress/client-ca
                argocd.argoproj.io/secret-type: repository
                secret.reloader.stakater.com/reload: db-credentials
                checksum/config: 4f1e8c2a9b7d3e6f0a5c8b2d1e4f7a9c3b6d8e0f2a4c6e8b0d2f4a6c8e0b2d4f
                kubectl.kubernetes.io/last-applied-configuration: '{"env":[{"name":"PASSWORD","value":"AKIAIOSFODNN7EXAMPLE"}]}'
            spec:
              containers:
              - {name: app, image: app:1}
            """)
        .assertExpectations();
  }

  @Test
  void pointsAtTheAnnotationWithoutTheValue() {
    Finding f =
        CheckTester.run(
                new PlaintextSecretInAnnotation(),
                """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  template:
                    metadata:
                      annotations:
                        example.com/api-token: 8f14e45fceea167a5a36dedd4bea2543
                    spec:
                      containers:
                      - {name: app, image: app:1}
                """)
            .findings()
            .get(0);
    assertThat(f.evidence().path())
        .isEqualTo("spec.template.metadata.annotations[\"example.com/api-token\"]");
    assertThat(f.evidence().value()).isEqualTo("<redacted>");
    assertThat(f.message()).doesNotContain("8f14e45f");
  }
}
