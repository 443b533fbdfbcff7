package dev.rampart.checks.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckTester;
import dev.rampart.checks.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlaintextSecretInConfigMapTest {

  @Test
  void flagsSecretKeysKnownFormatsAndSecretsInsideFiles() {
    CheckTester.run(
            new PlaintextSecretInConfigMap(),
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: key-says-secret
              annotations: {rampart.test/expect: plaintext-secret-in-configmap}
            data:
              db_user: postgres
              db_password: abc123
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: private-key
              annotations: {rampart.test/expect: plaintext-secret-in-configmap}
            data:
              id_rsa: |
                -----BEGIN OPENSSH PRIVATE KEY-----
                b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ
                -----END OPENSSH PRIVATE KEY-----
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: properties-file
              annotations: {rampart.test/expect: plaintext-secret-in-configmap}
            data:
              application.properties: |
                server.port=8080
                spring.datasource.url=jdbc:postgresql://db:5432/shop
                spring.datasource.password = s3cr3t
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: yaml-file
              annotations: {rampart.test/expect: plaintext-secret-in-configmap}
            data:
              config.yaml: |
                smtp:
                  host: mail.example.com
                  password: "correct horse battery staple"
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: harmless}
            data:
              message: This is a test
              a_key: and value that are ok
              config.yaml: |
                auth:
                  passwordFile: /etc/app/password
                  tokenUrl: https://auth.example.com/token
                  password: ${DB_PASSWORD}
                  secret:
                    name: db-credentials
                  credentials: |
                    loaded from the vault
              postgresql.conf: |
                listen_addresses = '*'
                password_encryption = scram-sha-256
              ca.crt: |
                -----BEGIN CERTIFICATE-----
                MIIBszCCAVmgAwIBAgIUXc
                -----END CERTIFICATE-----
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: empty}
            """)
        .assertExpectations();
  }

  @Test
  void pointsAtTheKeyAndLineWithoutTheValue() {
    List<Finding> findings =
        CheckTester.run(
                new PlaintextSecretInConfigMap(),
                """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: app, namespace: shop}
                data:
                  app.env: |
                    MODE=production
                    export API_TOKEN='tok-9f8e7d'
                """)
            .findings();
    assertThat(findings).hasSize(1);
    Finding f = findings.get(0);
    assertThat(f.evidence().path()).isEqualTo("data[\"app.env\"]");
    assertThat(f.evidence().value()).isEqualTo("<redacted>");
    assertThat(f.message()).contains("line 2", "API_TOKEN").doesNotContain("tok-9f8e7d");
  }
}
