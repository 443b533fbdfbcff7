package dev.rampart.checks.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckTester;
import dev.rampart.checks.Finding;
import org.junit.jupiter.api.Test;

class AutomountedServiceAccountTokenTest {

  @Test
  void thePodWinsThenTheServiceAccountThenTheDefault() {
    CheckTester.run(
            new AutomountedServiceAccountToken(),
            """
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: quiet, namespace: shop}
            automountServiceAccountToken: false
            ---
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: chatty, namespace: shop}
            automountServiceAccountToken: true
            ---
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: default, namespace: shop}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: pod-true-beats-sa-false
              namespace: shop
              annotations: {rampart.test/expect: automounted-service-account-token}
            spec:
              template:
                spec:
                  serviceAccountName: quiet
                  automountServiceAccountToken: true
                  containers:
                  - {name: app, image: app:1}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: pod-false-beats-sa-true, namespace: shop}
            spec:
              template:
                spec:
                  serviceAccountName: chatty
                  automountServiceAccountToken: false
                  containers:
                  - {name: app, image: app:1}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: sa-false, namespace: shop}
            spec:
              serviceAccountName: quiet
              containers:
              - {name: app, image: app:1}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: default-sa-unset
              namespace: shop
              annotations: {rampart.test/expect: automounted-service-account-token}
            spec:
              containers:
              - {name: app, image: app:1}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: sa-in-other-namespace
              namespace: other
              annotations: {rampart.test/expect: automounted-service-account-token}
            spec:
              serviceAccountName: quiet
              containers:
              - {name: app, image: app:1}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: etcd-cp-1
              namespace: kube-system
              annotations: {kubernetes.io/config.mirror: abc}
            spec:
              containers:
              - {name: etcd, image: registry.k8s.io/etcd:3.5.12-0}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: deprecated-field, namespace: shop}
            spec:
              serviceAccount: quiet
              containers:
              - {name: app, image: app:1}
            """)
        .assertExpectations();
  }

  @Test
  void saysWhenTheServiceAccountIsNotInTheInputAndPatchesThePod() {
    Finding f =
        CheckTester.run(
                new AutomountedServiceAccountToken(),
                """
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: report, namespace: shop}
                spec:
                  schedule: "@daily"
                  jobTemplate:
                    spec:
                      template:
                        spec:
                          serviceAccountName: reporter
                          containers:
                          - {name: report, image: app:1}
                """)
            .findings()
            .get(0);
    assertThat(f.message()).contains("reporter", "not in the input");
    assertThat(f.evidence().path())
        .isEqualTo("spec.jobTemplate.spec.template.spec.automountServiceAccountToken");
    assertThat(f.remediation().patch().content())
        .isEqualTo(
            "{\"spec\":{\"jobTemplate\":{\"spec\":{\"template\":{\"spec\":"
                + "{\"automountServiceAccountToken\":false}}}}}}");
  }
}
