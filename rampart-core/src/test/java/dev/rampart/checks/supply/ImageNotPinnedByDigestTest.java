package dev.rampart.checks.supply;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class ImageNotPinnedByDigestTest {

  @Test
  void flagsEveryReferenceWithoutADigest() {
    CheckTester.run(
            new ImageNotPinnedByDigest(),
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: version-tag
              annotations: {rampart.test/expect: image-not-pinned-by-digest}
            spec:
              containers:
              - {name: app, image: "nginx:1.27.3"}
            ---
            apiVersion: batch/v1
            kind: CronJob
            metadata:
              name: init-untagged
              annotations: {rampart.test/expect: image-not-pinned-by-digest}
            spec:
              schedule: "@daily"
              jobTemplate:
                spec:
                  template:
                    spec:
                      initContainers:
                      - {name: setup, image: busybox}
                      containers:
                      - {name: job, image: "busybox@sha256:fd8d9aa63ba2f0982b5304e1ee8d3b90a210bc1f"}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: pinned}
            spec:
              containers:
              - {name: app, image: "nginx:1.27.3@sha256:fd8d9aa63ba2f0982b5304e1ee8d3b90a210bc1f"}
              - {name: digest-only, image: "ghcr.io/org/app@sha256:fd8d9aa63ba2f0982b5304e1ee8d"}
            """)
        .assertExpectations();
  }
}
