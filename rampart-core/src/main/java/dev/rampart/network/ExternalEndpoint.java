package dev.rampart.network;

import java.util.List;

/**
 * Addresses outside the pod network: one address or prefix, or "the internet" (any public address).
 * No NetworkPolicy governs their side of a connection; only {@code ipBlock} peers match them.
 *
 * @param ranges the prefixes; empty for the internet
 * @param internet whether this stands for any public address
 */
public record ExternalEndpoint(String name, List<Cidr> ranges, boolean internet)
    implements Endpoint {

  public static final ExternalEndpoint INTERNET = new ExternalEndpoint("internet", List.of(), true);

  public ExternalEndpoint {
    ranges = List.copyOf(ranges);
  }

  public static ExternalEndpoint of(Cidr range) {
    return new ExternalEndpoint(range.toString(), List.of(range), false);
  }

  @Override
  public String display() {
    return internet ? "the internet" : name;
  }

  @Override
  public String toString() {
    return display();
  }
}
