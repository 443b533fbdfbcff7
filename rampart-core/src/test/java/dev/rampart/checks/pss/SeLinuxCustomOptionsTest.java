package dev.rampart.checks.pss;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckTester;
import dev.rampart.checks.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeLinuxCustomOptionsTest {

  @Test
  void flagsCustomTypesUsersAndRolesAtEveryLevel() {
    CheckTester.run(
            new SeLinuxCustomOptions(),
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: pod-spc
              annotations: {rampart.test/expect: selinux-custom-options}
            spec:
              securityContext: {seLinuxOptions: {type: spc_t}}
              containers: [{name: app, image: nginx:1.25}]
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: container-user
              annotations: {rampart.test/expect: selinux-custom-options}
            spec:
              template:
                spec:
                  containers:
                  - {name: app, image: nginx:1.25, securityContext: {seLinuxOptions: {user: system_u}}}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: init-role
              annotations: {rampart.test/expect: selinux-custom-options}
            spec:
              containers: [{name: app, image: nginx:1.25}]
              initContainers:
              - {name: setup, image: busybox:1.36, securityContext: {seLinuxOptions: {role: system_r}}}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: ephemeral-type
              annotations: {rampart.test/expect: selinux-custom-options}
            spec:
              containers: [{name: app, image: nginx:1.25}]
              ephemeralContainers:
              - {name: debug, image: busybox:1.36, securityContext: {seLinuxOptions: {type: unconfined_t}}}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: container-types-and-levels}
            spec:
              securityContext: {seLinuxOptions: {level: "s0:c123,c456"}}
              containers:
              - {name: a, image: nginx:1.25, securityContext: {seLinuxOptions: {type: container_t}}}
              - {name: b, image: nginx:1.25, securityContext: {seLinuxOptions: {type: container_init_t}}}
              - {name: c, image: nginx:1.25, securityContext: {seLinuxOptions: {type: container_kvm_t}}}
              - {name: d, image: nginx:1.25, securityContext: {seLinuxOptions: {type: container_engine_t}}}
              - {name: e, image: nginx:1.25, securityContext: {seLinuxOptions: {}}}
            """)
        .assertExpectations();
  }

  @Test
  void reportsEachOptionAndPatchesItAway() {
    List<Finding> findings =
        CheckTester.run(
                new SeLinuxCustomOptions(),
                """
                apiVersion: v1
                kind: Pod
                metadata: {name: web}
                spec:
                  containers:
                  - name: app
                    image: nginx:1.25
                    securityContext:
                      seLinuxOptions: {type: spc_t, user: system_u, role: system_r, level: s0}
                """)
            .findings();
    assertThat(findings)
        .extracting(f -> f.evidence().path() + "=" + f.evidence().value())
        .containsExactly(
            "spec.containers[0].securityContext.seLinuxOptions.type=spc_t",
            "spec.containers[0].securityContext.seLinuxOptions.user=system_u",
            "spec.containers[0].securityContext.seLinuxOptions.role=system_r");
    assertThat(findings.get(0).remediation().patch().content())
        .isEqualTo(
            "{\"spec\":{\"containers\":[{\"name\":\"app\",\"securityContext\":"
                + "{\"seLinuxOptions\":{\"type\":null}}}]}}");
  }
}
