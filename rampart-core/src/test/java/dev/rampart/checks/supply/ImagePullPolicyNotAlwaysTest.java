package dev.rampart.checks.supply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckTester;
import dev.rampart.checks.Finding;
import org.junit.jupiter.api.Test;

class ImagePullPolicyNotAlwaysTest {

  @Test
  void judgesTheEffectivePolicy() {
    CheckTester.run(
            new ImagePullPolicyNotAlways(),
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: tagged-default
              annotations: {rampart.test/expect: image-pull-policy-not-always}
            spec:
              containers:
              - {name: app, image: "nginx:1.27.3"}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: latest-if-not-present
              annotations: {rampart.test/expect: image-pull-policy-not-always}
            spec:
              containers:
              - {name: app, image: "nginx:latest", imagePullPolicy: IfNotPresent}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: never
              annotations: {rampart.test/expect: image-pull-policy-not-always}
            spec:
              containers:
              - {name: app, image: nginx}
              initContainers:
              - {name: setup, image: "busybox:1.36", imagePullPolicy: Never}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: fine}
            spec:
              containers:
              - {name: untagged-defaults-to-always, image: nginx}
              - {name: latest-defaults-to-always, image: "nginx:latest"}
              - {name: explicit, image: "nginx:1.27.3", imagePullPolicy: Always}
              - name: digest
                image: "nginx@sha256:fd8d9aa63ba2f0982b5304e1ee8d3b90a210bc1f"
                imagePullPolicy: IfNotPresent
            """)
        .assertExpectations();
  }

  @Test
  void patchesThePolicyOfTheContainer() {
    Finding f =
        CheckTester.run(
                new ImagePullPolicyNotAlways(),
                """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: shop}
                spec:
                  template:
                    spec:
                      containers:
                      - {name: app, image: "nginx:1.27.3"}
                """)
            .findings()
            .get(0);
    assertThat(f.evidence().path()).isEqualTo("spec.template.spec.containers[0].imagePullPolicy");
    assertThat(f.evidence().value()).isNull();
    assertThat(f.message()).contains("IfNotPresent (the default for a tagged image)");
    assertThat(f.remediation().patch().content())
        .isEqualTo(
            "{\"spec\":{\"template\":{\"spec\":{\"containers\":"
                + "[{\"name\":\"app\",\"imagePullPolicy\":\"Always\"}]}}}}");
  }
}
