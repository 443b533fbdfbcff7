package dev.rampart.checks.node;

import java.util.Map;

/**
 * The defaults of the KubeletConfiguration file format (kubelet.config.k8s.io/v1beta1), applied
 * when a field is absent. A kubelet's {@code /configz} reports every field, so these matter only
 * for partial configuration files. They differ from the command-line flags' defaults ({@code
 * --anonymous-auth} is true, {@code --authorization-mode} AlwaysAllow, {@code --read-only-port}
 * 10255): a kubelet started with flags alone and no config file is judged by its configz, which
 * shows the effective values.
 */
final class KubeletDefaults {

  private static final Map<String, Object> DEFAULTS =
      Map.ofEntries(
          Map.entry("authentication.anonymous.enabled", false),
          Map.entry("authentication.webhook.enabled", true),
          Map.entry("authorization.mode", "Webhook"),
          Map.entry("readOnlyPort", 0),
          Map.entry("streamingConnectionIdleTimeout", "4h0m0s"),
          Map.entry("makeIPTablesUtilChains", true),
          Map.entry("eventRecordQPS", 50),
          Map.entry("rotateCertificates", false),
          Map.entry("serverTLSBootstrap", false),
          Map.entry("protectKernelDefaults", false),
          Map.entry("podPidsLimit", -1));

  private KubeletDefaults() {}

  static Object of(String path) {
    return DEFAULTS.get(path);
  }
}
