package dev.rampart.checks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The stable id of a finding: a hash of what identifies the problem (check, cluster, kind,
 * namespace, name, container, field), and of nothing that changes between scans of the same problem
 * (line numbers, messages, file names).
 */
public final class Fingerprint {

  private Fingerprint() {}

  public static String of(
      String checkId,
      String cluster,
      String kind,
      String namespace,
      String name,
      String container,
      String field) {
    String key =
        String.join(
            "\u0000",
            checkId,
            nullToEmpty(cluster),
            kind,
            nullToEmpty(namespace),
            name,
            nullToEmpty(container),
            nullToEmpty(field));
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 10);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
    }
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
