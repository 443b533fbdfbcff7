package dev.rampart.network;

import java.util.List;

/**
 * Address ranges that are not on the internet. The documentation ranges ({@code 192.0.2.0/24},
 * {@code 198.51.100.0/24}, {@code 203.0.113.0/24}, {@code 2001:db8::/32}) count as public: they
 * stand for public addresses in examples, the demo cluster included.
 */
public final class Addresses {

  /**
   * RFC 1918 private networks, carrier-grade NAT (RFC 6598, where many clouds put pods), loopback,
   * link-local, "this network", and their IPv6 counterparts (unique local, link-local, loopback,
   * unspecified).
   */
  public static final List<Cidr> PRIVATE =
      List.of(
          Cidr.parse("10.0.0.0/8"),
          Cidr.parse("172.16.0.0/12"),
          Cidr.parse("192.168.0.0/16"),
          Cidr.parse("100.64.0.0/10"),
          Cidr.parse("127.0.0.0/8"),
          Cidr.parse("169.254.0.0/16"),
          Cidr.parse("0.0.0.0/8"),
          Cidr.parse("fc00::/7"),
          Cidr.parse("fe80::/10"),
          Cidr.parse("::1/128"),
          Cidr.parse("::/128"));

  private Addresses() {}

  /** Whether every address of {@code range} is private. */
  public static boolean isPrivate(Cidr range) {
    return Cidr.covered(range, PRIVATE);
  }
}
