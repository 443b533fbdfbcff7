package dev.rampart.network;

import java.util.Locale;

/** The two directions a NetworkPolicy governs, each isolating the pods it selects separately. */
public enum Direction {
  INGRESS("Ingress", "from"),
  EGRESS("Egress", "to");

  private final String policyType;
  private final String peerField;

  Direction(String policyType, String peerField) {
    this.policyType = policyType;
    this.peerField = peerField;
  }

  /** The spelling in {@code spec.policyTypes}. */
  public String policyType() {
    return policyType;
  }

  /** {@code from} for ingress rules, {@code to} for egress rules. */
  public String peerField() {
    return peerField;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
