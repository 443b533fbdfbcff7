package dev.rampart.checks.controlplane;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which TLS cipher suites and protocol versions the benchmark accepts. The lists are CIS 1.9's, as
 * kube-bench (cfg/cis-1.9, 1.2.29 and 4.2.12) encodes them; suites with 3DES or RC4 are refused
 * even where the API server's list names them (Sweet32, CVE-2016-2183).
 */
public final class TlsPolicy {

  /** The API server's accepted suites (CIS 1.2.29). */
  public static final Set<String> API_SERVER =
      Set.of(
          "TLS_AES_128_GCM_SHA256",
          "TLS_AES_256_GCM_SHA384",
          "TLS_CHACHA20_POLY1305_SHA256",
          "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA",
          "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
          "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA",
          "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
          "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305",
          "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
          "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
          "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
          "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
          "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
          "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305",
          "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
          "TLS_RSA_WITH_AES_128_CBC_SHA",
          "TLS_RSA_WITH_AES_128_GCM_SHA256",
          "TLS_RSA_WITH_AES_256_CBC_SHA",
          "TLS_RSA_WITH_AES_256_GCM_SHA384");

  /** The kubelet's accepted suites (CIS 4.2.12). */
  public static final Set<String> KUBELET =
      Set.of(
          "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
          "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
          "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305",
          "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
          "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305",
          "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
          "TLS_RSA_WITH_AES_256_GCM_SHA384",
          "TLS_RSA_WITH_AES_128_GCM_SHA256");

  private static final Set<String> OLD_PROTOCOLS = Set.of("VERSIONTLS10", "VERSIONTLS11");

  private TlsPolicy() {}

  /** The suites of {@code configured} that are not in {@code accepted}, in order. */
  public static List<String> weak(List<String> configured, Set<String> accepted) {
    return configured.stream().filter(s -> !accepted.contains(s) || broken(s)).toList();
  }

  /** Whether a minimum protocol version allows TLS 1.0 or 1.1. */
  public static boolean oldProtocol(String minVersion) {
    return minVersion != null
        && OLD_PROTOCOLS.contains(minVersion.strip().toUpperCase(Locale.ROOT));
  }

  private static boolean broken(String suite) {
    return suite.contains("3DES") || suite.contains("RC4");
  }
}
