package dev.rampart.network;

import java.util.Optional;

/** The transport protocols NetworkPolicy ports name. */
public enum Protocol {
  TCP,
  UDP,
  SCTP;

  /** The API's spelling (upper case, exact); null means TCP, as the API defaults it. */
  public static Optional<Protocol> parse(String value) {
    if (value == null) {
      return Optional.of(TCP);
    }
    for (Protocol p : values()) {
      if (p.name().equals(value)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
