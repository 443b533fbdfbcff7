package dev.rampart.checks.workload;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class NakedPodTest {

  @Test
  void flagsPodsWithoutAController() {
    CheckTester.run(
            new NakedPod(),
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: bare
              annotations: {rampart.test/expect: naked-pod}
            spec:
              containers:
              - {name: app, image: app:1}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: owner-but-not-controller
              annotations: {rampart.test/expect: naked-pod}
              ownerReferences:
              - {apiVersion: v1, kind: ConfigMap, name: cleanup-with-me, uid: "1"}
            spec:
              containers:
              - {name: app, image: app:1}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: web-7d4b9-x2x9z
              ownerReferences:
              - {apiVersion: apps/v1, kind: ReplicaSet, name: web-7d4b9, uid: "2", controller: true}
            spec:
              containers:
              - {name: app, image: app:1}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: operator-managed
              ownerReferences:
              - {apiVersion: example.com/v1, kind: Runner, name: r, uid: "3", controller: true}
            spec:
              containers:
              - {name: app, image: app:1}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: kube-apiserver-node1
              namespace: kube-system
              annotations: {kubernetes.io/config.mirror: "abc"}
            spec:
              containers:
              - {name: kube-apiserver, image: registry.k8s.io/kube-apiserver:v1.30.0}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              template:
                spec:
                  containers:
                  - {name: app, image: app:1}
            """)
        .assertExpectations();
  }
}
