package dev.rampart.checks.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class MissingLivenessProbeTest {

  @Test
  void flagsLongRunningAppContainersWithoutTheProbe() {
    CheckTester.run(
            new MissingLivenessProbe(),
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: no-probe
              annotations: {rampart.test/expect: missing-liveness-probe}
            spec:
              template:
                spec:
                  containers:
                  - name: app
                    image: app:1
                    readinessProbe: {httpGet: {path: /healthz, port: 8080}}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: bare-pod-restarts
              annotations: {rampart.test/expect: missing-liveness-probe}
            spec:
              containers:
              - {name: app, image: app:1}
            ---
            apiVersion: apps/v1
            kind: DaemonSet
            metadata:
              name: sidecar-without
              annotations: {rampart.test/expect: missing-liveness-probe}
            spec:
              template:
                spec:
                  containers:
                  - {name: agent, image: agent:1, livenessProbe: {tcpSocket: {port: 9100}}}
                  - {name: proxy, image: proxy:1}
            ---
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: probed}
            spec:
              template:
                spec:
                  initContainers:
                  - {name: init-is-not-checked, image: app:1}
                  containers:
                  - {name: db, image: db:1, livenessProbe: {exec: {command: [pg_isready]}}}
            """)
        .assertExpectations();
  }

  @Test
  void workThatRunsToCompletionIsNotApplicable() {
    CheckTester tester =
        CheckTester.run(
            new MissingLivenessProbe(),
            """
            apiVersion: batch/v1
            kind: Job
            metadata: {name: migrate}
            spec:
              template:
                spec:
                  restartPolicy: Never
                  containers:
                  - {name: migrate, image: app:1}
            ---
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: report}
            spec:
              schedule: "@daily"
              jobTemplate:
                spec:
                  template:
                    spec:
                      containers:
                      - {name: report, image: app:1}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: one-shot}
            spec:
              restartPolicy: OnFailure
              containers:
              - {name: task, image: app:1}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: job-pod
              ownerReferences:
              - {apiVersion: batch/v1, kind: Job, name: gone, uid: "1", controller: true}
            spec:
              containers:
              - {name: task, image: app:1}
            """);
    assertThat(tester.findings()).isEmpty();
    assertThat(tester.tally().notApplicable()).isEqualTo(4);
  }
}
