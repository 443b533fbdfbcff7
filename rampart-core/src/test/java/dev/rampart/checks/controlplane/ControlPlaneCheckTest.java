package dev.rampart.checks.controlplane;

import static dev.rampart.checks.controlplane.ControlPlaneFixtures.apiServer;
import static dev.rampart.checks.controlplane.ControlPlaneFixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

/** What every control-plane flag check shares: missing, hidden and file-configured components. */
class ControlPlaneCheckTest {

  private static final String EKS_NODE =
      """
      apiVersion: v1
      kind: Node
      metadata:
        name: ip-10-0-1-5.eu-west-1.compute.internal
        labels: {eks.amazonaws.com/nodegroup: general, kubernetes.io/os: linux}
      spec: {providerID: "aws:///eu-west-1a/i-0abc"}
      status:
        nodeInfo: {kubeletVersion: v1.31.4-eks-1234567, containerRuntimeVersion: "containerd://1.7.27"}
      """;

  @Test
  void aManagedControlPlaneIsNotApplicableOnceWithTheEvidence() {
    CheckTester t = CheckTester.run(new EtcdClientCertAuthDisabled(), EKS_NODE);
    assertThat(t.findings()).isEmpty();
    assertThat(t.tally().passed()).isZero();
    assertThat(t.tally().notApplicable()).isEqualTo(1);
    assertThat(t.tally().notEvaluated()).isEmpty();
  }

  @Test
  void aSelfManagedClusterWithoutControlPlanePodsIsNotEvaluated() {
    String kubeadmNode =
        """
        apiVersion: v1
        kind: Node
        metadata:
          name: cp-1
          labels: {node-role.kubernetes.io/control-plane: ""}
        spec: {providerID: "aws:///eu-west-1a/i-0abc"}
        """;
    CheckTester t = CheckTester.run(new ApiServerAnonymousAuth(), kubeadmNode);
    assertThat(t.tally().notApplicable()).isZero();
    assertThat(t.tally().notEvaluated())
        .containsExactly(
            "no kube-apiserver pod in kube-system: the input holds no control-plane static"
                + " (mirror) pods, or the control plane runs as host services; scan a live cluster"
                + " or include kube-system");
  }

  @Test
  void externalEtcdIsNamedAsSuch() {
    CheckTester t =
        CheckTester.run(
            new EtcdPeerTlsMissing(),
            apiServer("api", null, "--etcd-servers=https://10.0.9.1:2379,https://10.0.9.2:2379"));
    assertThat(t.tally().notEvaluated())
        .singleElement()
        .asString()
        .contains("external etcd")
        .contains("https://10.0.9.1:2379");
  }

  @Test
  void authorizersConfiguredInAFileAreNotEvaluated() {
    CheckTester t =
        CheckTester.run(
            new ApiServerAuthorizationAlwaysAllow(),
            yaml(
                apiServer(
                    "structured-authz",
                    null,
                    "!authorization-mode",
                    "--authorization-config=/etc/kubernetes/authz.yaml"),
                apiServer("hardened", null)));
    assertThat(t.findings()).isEmpty();
    assertThat(t.tally().passed()).isEqualTo(1);
    assertThat(t.tally().notEvaluated())
        .singleElement()
        .asString()
        .contains("/etc/kubernetes/authz.yaml");
  }

  @Test
  void findsComponentsByTheirBinaryWithoutKubeadmLabels() {
    String unlabelled =
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: apiserver-rke
          namespace: kube-system
          annotations: {rampart.test/expect: apiserver-anonymous-auth}
        spec:
          containers:
          - name: main
            image: example.com/hardened-kubernetes:v1.30.1
            command: [/usr/local/bin/kube-apiserver]
            args: ["--anonymous-auth=true"]
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: some-app
          namespace: shop
        spec:
          containers:
          - {name: app, image: registry.k8s.io/kube-apiserver:v1.30.1, args: ["--anonymous-auth=true"]}
        """;
    CheckTester t = CheckTester.run(new ApiServerAnonymousAuth(), unlabelled).assertExpectations();
    assertThat(t.findings().get(0).evidence().path())
        .isEqualTo("spec.containers[0].args[--anonymous-auth]");
  }
}
