package dev.rampart.checks.version;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class IngressNginxVulnerableTest {

  private static String controller(String name, String expect, String image) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: %s
          namespace: ingress-nginx
          annotations: {rampart.test/expect: "%s"}
        spec:
          selector: {matchLabels: {app: c}}
          template:
            metadata: {labels: {app: c}}
            spec:
              containers:
              - {name: controller, image: "%s"}
        """
        .formatted(name, expect == null ? "none" : expect, image);
  }

  @Test
  void matchesTheControllerImageTagEvenWithADigest() {
    CheckTester t =
        CheckTester.run(
                new IngressNginxVulnerable(),
                String.join(
                    "---\n",
                    controller(
                        "nightmare",
                        "ingress-nginx-vulnerable",
                        "registry.k8s.io/ingress-nginx/controller:v1.10.0@sha256:e7b0705b0cad69fac652188ff73381a00fc352d363e722dbd4fb785560289f86"),
                    controller(
                        "twelve-zero",
                        "ingress-nginx-vulnerable",
                        "registry.k8s.io/ingress-nginx/controller:v1.12.0"),
                    controller("fixed", null, "registry.k8s.io/ingress-nginx/controller:v1.12.1"),
                    controller("other-nginx", null, "docker.io/library/nginx:1.19.0"),
                    controller(
                        "digest-only",
                        null,
                        "registry.k8s.io/ingress-nginx/controller@sha256:e7b0705b0cad69fac652188ff73381a00fc352d363e722dbd4fb785560289f86")),
                VersionFixtures.on("2026-01-01"))
            .assertExpectations();
    assertThat(t.findings().get(0).evidence().path())
        .isEqualTo("spec.template.spec.containers[0].image#CVE-2025-1974");
    assertThat(t.tally().passed()).isEqualTo(1);
    assertThat(t.tally().notEvaluated()).singleElement().asString().contains("digest-only");
  }
}
