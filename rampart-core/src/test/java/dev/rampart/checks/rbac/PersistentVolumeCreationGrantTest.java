package dev.rampart.checks.rbac;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class PersistentVolumeCreationGrantTest {

  @Test
  void flagsClusterWidePersistentVolumeCreationOnly() {
    CheckTester.run(
            new PersistentVolumeCreationGrant(),
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: storage}
            rules: [{apiGroups: [""], resources: [persistentvolumes], verbs: [create]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata:
              name: storage
              annotations: {rampart.test/expect: rbac-create-persistent-volumes}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: storage}
            subjects: [{kind: Group, name: storage-admins}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: storage-in-a-namespace, namespace: shop}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: storage}
            subjects: [{kind: Group, name: shop-devs}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: claims}
            rules: [{apiGroups: [""], resources: [persistentvolumeclaims], verbs: [create]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: claims}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: claims}
            subjects: [{kind: Group, name: shop-devs}]
            """)
        .assertExpectations();
  }
}
