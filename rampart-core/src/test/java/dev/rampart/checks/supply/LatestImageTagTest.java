package dev.rampart.checks.supply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckTester;
import dev.rampart.checks.Finding;
import org.junit.jupiter.api.Test;

class LatestImageTagTest {

  @Test
  void flagsLatestAndMissingTagsInEveryContainerList() {
    CheckTester.run(
            new LatestImageTag(),
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: untagged
              annotations: {rampart.test/expect: latest-image-tag}
            spec:
              containers:
              - {name: app, image: nginx}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: latest-init
              annotations: {rampart.test/expect: latest-image-tag}
            spec:
              template:
                spec:
                  initContainers:
                  - {name: setup, image: "registry.example.com:5000/tools:latest"}
                  containers:
                  - {name: app, image: "nginx:1.27.3"}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: host-port-untagged
              annotations: {rampart.test/expect: latest-image-tag}
            spec:
              containers:
              - {name: app, image: "localhost:5000/app"}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: pinned}
            spec:
              containers:
              - {name: app, image: "nginx:1.27.3"}
              - {name: mutable-but-not-latest, image: "redis:alpine"}
              - {name: digest, image: "busybox@sha256:fd8d9aa63ba2f0982b5304e1ee8d3b90a210bc1ff"}
              - {name: latest-with-digest, image: "busybox:latest@sha256:fd8d9aa63ba2f0982b5304e1"}
              - {name: no-image}
            """)
        .assertExpectations();
  }

  @Test
  void namesTheImage() {
    Finding f =
        CheckTester.run(
                new LatestImageTag(),
                """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                  - {name: app, image: nginx}
                """)
            .findings()
            .get(0);
    assertThat(f.evidence().path()).isEqualTo("spec.containers[0].image");
    assertThat(f.evidence().value()).isEqualTo("nginx");
    assertThat(f.message()).contains("no tag");
  }
}
