package dev.rampart.checks.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class KubeProxyMetricsExposedTest {

  private static String daemonSet(String name, String expect, String args) {
    return """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: %s
          namespace: kube-system
          annotations: {rampart.test/expect: "%s"}
        spec:
          selector: {matchLabels: {k8s-app: kube-proxy}}
          template:
            metadata: {labels: {k8s-app: kube-proxy}}
            spec:
              containers:
              - name: kube-proxy
                image: registry.k8s.io/kube-proxy:v1.33.5
                command: [/usr/local/bin/kube-proxy, --config=/var/lib/kube-proxy/config.conf%s]
                volumeMounts: [{name: kube-proxy, mountPath: /var/lib/kube-proxy}]
              volumes:
              - {name: kube-proxy, configMap: {name: kube-proxy}}
        """
        .formatted(name, expect == null ? "none" : expect, args);
  }

  private static String configMap(String metricsBindAddress) {
    return """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: kube-proxy, namespace: kube-system}
        data:
          config.conf: |-
            apiVersion: kubeproxy.config.k8s.io/v1alpha1
            kind: KubeProxyConfiguration
            metricsBindAddress: "%s"
            mode: iptables
        """
        .formatted(metricsBindAddress);
  }

  @Test
  void theFlagOverridesTheConfigMap() {
    CheckTester.run(
            new KubeProxyMetricsExposed(),
            daemonSet(
                    "kube-proxy",
                    "kube-proxy-metrics-exposed",
                    ", --metrics-bind-address=0.0.0.0:10249")
                + "---\n"
                + configMap("127.0.0.1:10249"))
        .assertExpectations();
  }

  @Test
  void readsTheConfigMapWhenTheFlagIsAbsent() {
    CheckTester t =
        CheckTester.run(
            new KubeProxyMetricsExposed(),
            daemonSet("kube-proxy", null, "") + "---\n" + configMap(":10249"));
    assertThat(t.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.resource().kind()).isEqualTo("ConfigMap");
              assertThat(f.evidence().path()).isEqualTo("data[config.conf].metricsBindAddress");
            });
  }

  @Test
  void anEmptyAddressMeansLocalhost() {
    CheckTester t =
        CheckTester.run(
            new KubeProxyMetricsExposed(),
            daemonSet("kube-proxy", null, "") + "---\n" + configMap(""));
    assertThat(t.findings()).isEmpty();
    assertThat(t.tally().passed()).isEqualTo(1);
    assertThat(KubeProxyMetricsExposed.exposed("[::1]:10249")).isFalse();
    assertThat(KubeProxyMetricsExposed.exposed("10.0.0.5:10249")).isTrue();
  }

  @Test
  void aConfigurationThatIsNotInTheInputIsNotEvaluated() {
    CheckTester t =
        CheckTester.run(new KubeProxyMetricsExposed(), daemonSet("kube-proxy", null, ""));
    assertThat(t.findings()).isEmpty();
    assertThat(t.tally().passed()).isZero();
    assertThat(t.tally().notEvaluated())
        .containsExactly(
            "kube-proxy reads its configuration from /var/lib/kube-proxy/config.conf, ConfigMap"
                + " kube-system/kube-proxy, not in the input");
  }

  @Test
  void withoutKubeProxyItIsNotEvaluated() {
    CheckTester t = CheckTester.run(new KubeProxyMetricsExposed(), configMap("0.0.0.0:10249"));
    assertThat(t.findings()).isEmpty();
    assertThat(t.tally().notEvaluated())
        .singleElement()
        .asString()
        .contains("no kube-proxy DaemonSet");
  }
}
