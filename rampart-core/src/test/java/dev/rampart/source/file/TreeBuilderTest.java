package dev.rampart.source.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TreeBuilderTest {

  private static ManifestReader.Result read(String yaml) {
    return new ManifestReader()
        .read("pod.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void numericPortsDecodeIntoIntOrString() {
    ManifestReader.Result r =
        read(
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
              - name: app
                image: nginx:1.25
                livenessProbe: {httpGet: {port: 8080}}
                readinessProbe: {tcpSocket: {port: http}}
                resources: {limits: {cpu: 0.5, memory: 134217728}}
                securityContext: {runAsUser: 4294967296}
            """);
    assertThat(r.problems()).isEmpty();
    var app = ((Pod) r.objects().get(0).resource()).getSpec().getContainers().get(0);
    assertThat(app.getLivenessProbe().getHttpGet().getPort().getIntVal()).isEqualTo(8080);
    assertThat(app.getReadinessProbe().getTcpSocket().getPort().getStrVal()).isEqualTo("http");
    assertThat(app.getResources().getLimits().get("cpu")).isEqualTo(new Quantity("0.5"));
    assertThat(app.getSecurityContext().getRunAsUser()).isEqualTo(4294967296L);
  }
}
