package dev.rampart.checks.supply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckRun;
import dev.rampart.checks.CheckTester;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class UntrustedRegistryTest {

  private static final String PODS =
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: docker-hub-user-image
        annotations: {rampart.test/expect: untrusted-registry}
      spec:
        containers:
        - {name: app, image: "someone/nginx:1.0"}
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: lookalike-host
        annotations: {rampart.test/expect: untrusted-registry}
      spec:
        containers:
        - {name: app, image: "registry.example.com.evil.io/app:1.0"}
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: other-port
        annotations: {rampart.test/expect: untrusted-registry}
      spec:
        containers:
        - {name: app, image: "registry.example.com:5001/app:1.0"}
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: prefix-is-not-a-component
        annotations: {rampart.test/expect: untrusted-registry}
      spec:
        containers:
        - {name: app, image: "ghcr.io/example-fork/tool:1.0"}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: untrusted-init
        annotations: {rampart.test/expect: untrusted-registry}
      spec:
        template:
          spec:
            initContainers:
            - {name: setup, image: "quay.io/someone/setup:1"}
            containers:
            - {name: app, image: "registry.example.com:5000/app:1.0"}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: trusted}
      spec:
        containers:
        - {name: official, image: "nginx:1.27"}
        - {name: official-long, image: "index.docker.io/library/redis:7"}
        - {name: own, image: "registry.example.com:5000/team/app@sha256:abc"}
        - {name: org, image: "ghcr.io/example/tool:1.0"}
        - {name: ecr, image: "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1"}
      """;

  private static CheckContext trusting(String... registries) {
    return new CheckContext(List.of(registries), Instant.EPOCH);
  }

  @Test
  void flagsImagesOutsideTheTrustedList() {
    CheckTester.run(
            new UntrustedRegistry(),
            PODS,
            trusting(
                "docker.io/library",
                "https://registry.example.com:5000/",
                "ghcr.io/example",
                "*.dkr.ecr.eu-west-1.amazonaws.com"))
        .assertExpectations();
  }

  @Test
  void isNotEvaluatedWithoutATrustedList() {
    CheckTester tester = CheckTester.run(new UntrustedRegistry(), PODS, CheckContext.defaults());
    CheckRun.Tally tally = tester.tally();
    assertThat(tester.findings()).isEmpty();
    assertThat(tally.passed()).isZero();
    assertThat(tally.notApplicable()).isZero();
    assertThat(tally.notEvaluated())
        .containsExactly("no trusted registries configured (trustedRegistries in rampart.yaml)");
  }
}
