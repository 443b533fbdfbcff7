package dev.rampart.checks.node;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kubelet configurations for check tests, as the live source stores a node's configz: a hardened
 * configuration changed field by field ({@code "readOnlyPort", 10255}; a null value removes the
 * field), and Nodes to go with them.
 */
public final class KubeletFixtures {

  private static final YAMLMapper YAML =
      YAMLMapper.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build();

  private KubeletFixtures() {}

  static Map<String, Object> hardened() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put(
        "authentication",
        new LinkedHashMap<>(
            Map.of(
                "anonymous", new LinkedHashMap<>(Map.of("enabled", false)),
                "webhook", new LinkedHashMap<>(Map.of("enabled", true, "cacheTTL", "2m0s")),
                "x509",
                    new LinkedHashMap<>(Map.of("clientCAFile", "/etc/kubernetes/pki/ca.crt")))));
    c.put("authorization", new LinkedHashMap<>(Map.of("mode", "Webhook")));
    c.put("eventRecordQPS", 50);
    c.put("makeIPTablesUtilChains", true);
    c.put("podPidsLimit", 4096);
    c.put("protectKernelDefaults", true);
    c.put("rotateCertificates", true);
    c.put("serverTLSBootstrap", true);
    c.put("streamingConnectionIdleTimeout", "5m0s");
    c.put(
        "tlsCipherSuites",
        List.of(
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"));
    c.put("tlsMinVersion", "VersionTLS12");
    return c;
  }

  /**
   * A KubeletConfiguration for node {@code name}.
   *
   * @param changes path, value, path, value...
   */
  public static String config(String name, String expect, Object... changes) {
    Map<String, Object> config = hardened();
    for (int i = 0; i < changes.length; i += 2) {
      set(config, (String) changes[i], changes[i + 1]);
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("apiVersion", "kubelet.config.k8s.io/v1beta1");
    doc.put("kind", "KubeletConfiguration");
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("name", name);
    if (expect != null) {
      meta.put("annotations", Map.of("rampart.test/expect", expect));
    }
    doc.put("metadata", meta);
    doc.putAll(config);
    try {
      return YAML.writeValueAsString(doc);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A Linux (or Windows) node that the configuration belongs to. */
  public static String node(String name, String os) {
    return """
        apiVersion: v1
        kind: Node
        metadata:
          name: %s
          labels: {kubernetes.io/os: %s}
        status:
          nodeInfo: {kubeletVersion: v1.33.5, operatingSystem: %s}
        """
        .formatted(name, os, os);
  }

  @SuppressWarnings("unchecked")
  private static void set(Map<String, Object> root, String path, Object value) {
    String[] keys = path.split("\\.");
    Map<String, Object> at = root;
    for (int i = 0; i < keys.length - 1; i++) {
      at = (Map<String, Object>) at.computeIfAbsent(keys[i], k -> new LinkedHashMap<>());
    }
    if (value == null) {
      at.remove(keys[keys.length - 1]);
    } else {
      at.put(keys[keys.length - 1], value);
    }
  }

  public static String yaml(String... documents) {
    return String.join("---\n", documents);
  }
}
