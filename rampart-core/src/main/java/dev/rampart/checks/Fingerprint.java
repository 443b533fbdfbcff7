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

  /**
   * One digest per thread, reset by each use: looking SHA-256 up among the security providers for
   * every finding cost more than hashing its few bytes.
   */
  private static final ThreadLocal<MessageDigest> SHA_256 =
      ThreadLocal.withInitial(Fingerprint::sha256);

  private static final HexFormat HEX = HexFormat.of();

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
    byte[] hash = SHA_256.get().digest(key.getBytes(StandardCharsets.UTF_8));
    return HEX.formatHex(hash, 0, 10);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
    }
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
