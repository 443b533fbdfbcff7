package dev.rampart.checks.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckTester;
import dev.rampart.checks.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlaintextSecretInEnvTest {

  @Test
  void flagsSecretNamesWithLiteralValuesAndKnownFormats() {
    CheckTester.run(
            new PlaintextSecretInEnv(),
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: password
              annotations: {rampart.test/expect: plaintext-secret-in-env}
            spec:
              containers:
              - name: app
                image: app:1
                env:
                - {name: DB_PASSWORD, value: hunter2}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: camel-case-api-key
              annotations: {rampart.test/expect: plaintext-secret-in-env}
            spec:
              template:
                spec:
                  containers:
                  - name: app
                    image: app:1
                    env:
                    - {name: stripeApiKey, value: abc}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: aws-key-id-in-any-name
              annotations: {rampart.test/expect: plaintext-secret-in-env}
            spec:
              containers:
              - name: app
                image: app:1
                env:
                - {name: CONFIG, value: "id=AKIAIOSFODNN7EXAMPLE"}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: github-token-in-init
              annotations: {rampart.test/expect: plaintext-secret-in-env}
            spec:
              containers:
              - {name: app, image: app:1}
              initContainers:
              - name: clone
                image: git:1
                env:
                - {name: GH, value: ghp_0123456789abcdefghijklmnopqrstuvwxyzAB}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: pem
              annotations: {rampart.test/expect: plaintext-secret-in-env}
            spec:
              containers:
              - name: app
                image: app:1
                env:
                - name: TLS
                  value: |
                    -----BEGIN RSA PRIVATE KEY-----
                    MIIEowIBAAKCAQEA
                    -----END RSA PRIVATE KEY-----
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: url-with-password
              annotations: {rampart.test/expect: plaintext-secret-in-env}
            spec:
              containers:
              - name: app
                image: app:1
                env:
                - {name: DATABASE_URL, value: "postgres://app:s3cr3t@db:5432/shop"}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: jwt-and-slack
              annotations: {rampart.test/expect: plaintext-secret-in-env}
            spec:
              containers:
              - name: app
                image: app:1
                env:
                - name: SESSION
                  value: eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N
                - {name: NOTIFY, value: xoxb-123456789012-abcdefghijkl}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: weak-name-random-value
              annotations: {rampart.test/expect: plaintext-secret-in-env}
            spec:
              containers:
              - name: app
                image: app:1
                env:
                - {name: SIGNING_SALT, value: q8Zr2LxW9vTn4KpB7mYc}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: not-secrets}
            spec:
              containers:
              - name: app
                image: app:1
                env:
                - {name: GREETING, value: hello}
                - {name: DB_USER, value: postgres}
                - {name: DB_PASSWORD_FILE, value: /run/secrets/db/password}
                - {name: PASSWORD, value: "$(DB_PASSWORD_FROM_SECRET)"}
                - {name: TOKEN_URL, value: "https://auth.example.com/token"}
                - {name: TOKEN_TTL_SECONDS, value: "3600"}
                - {name: SECRET_NAME, value: db-credentials}
                - {name: AWS_ACCESS_KEY_ID_PATH, value: /etc/aws/id}
                - {name: REQUIRE_PASSWORD, value: "true"}
                - {name: CACHE_KEY_PREFIX, value: shop}
                - {name: ROUTING_KEY, value: orders.created}
                - {name: GOOGLE_APPLICATION_CREDENTIALS, value: /var/secrets/google/key.json}
                - {name: TOKENIZER_MODEL, value: bert-base}
                - {name: API_TOKEN, valueFrom: {secretKeyRef: {name: api, key: token}}}
                - {name: ADMIN_PASSWORD, value: "<set-me>"}
                - {name: BACKEND_URL, value: "https://user@backend.example.com/"}
            """)
        .assertExpectations();
  }

  @Test
  void reportsTheVariableNeverTheValue() {
    List<Finding> findings =
        CheckTester.run(
                new PlaintextSecretInEnv(),
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
                    - {name: DB_PASSWORD, value: hunter2}
                """)
            .findings();
    assertThat(findings).hasSize(1);
    Finding f = findings.get(0);
    assertThat(f.evidence().path()).isEqualTo("spec.containers[0].env[1].value");
    assertThat(f.evidence().value()).isEqualTo("<redacted>");
    assertThat(f.message()).contains("DB_PASSWORD").doesNotContain("hunter2");
    assertThat(f.toString()).doesNotContain("hunter2");
  }
}
