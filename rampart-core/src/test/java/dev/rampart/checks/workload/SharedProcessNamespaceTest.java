package dev.rampart.checks.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class SharedProcessNamespaceTest {

  @Test
  void flagsPodsSharingTheirProcessNamespace() {
    CheckTester tester =
        CheckTester.run(
                new SharedProcessNamespace(),
                """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: shared
                  annotations: {rampart.test/expect: shared-process-namespace}
                spec:
                  template:
                    spec:
                      shareProcessNamespace: true
                      containers:
                      - {name: app, image: app:1}
                      - {name: sidecar, image: sidecar:1}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: separate}
                spec:
                  shareProcessNamespace: false
                  containers:
                  - {name: app, image: app:1}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: unset}
                spec:
                  containers:
                  - {name: app, image: app:1}
                """)
            .assertExpectations();
    assertThat(tester.findings().get(0).remediation().patch().content())
        .isEqualTo("{\"spec\":{\"template\":{\"spec\":{\"shareProcessNamespace\":false}}}}");
  }
}
