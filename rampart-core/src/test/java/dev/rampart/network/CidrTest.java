package dev.rampart.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CidrTest {

  @Test
  void parsesAndPrintsIpv4AndIpv6() {
    assertThat(Cidr.parse("10.0.0.0/8")).hasToString("10.0.0.0/8");
    assertThat(Cidr.parse("10.1.2.3/8")).hasToString("10.0.0.0/8");
    assertThat(Cidr.parse("192.168.1.7")).hasToString("192.168.1.7/32");
    assertThat(Cidr.parse("0.0.0.0/0")).hasToString("0.0.0.0/0");
    assertThat(Cidr.parse("2001:DB8::/32")).hasToString("2001:db8::/32");
    assertThat(Cidr.parse("::1")).hasToString("::1/128");
    assertThat(Cidr.parse("::/0")).hasToString("::/0");
    assertThat(Cidr.parse("2001:db8:0:0:1:0:0:1")).hasToString("2001:db8::1:0:0:1/128");
    assertThat(Cidr.parse("::ffff:10.0.0.1")).hasToString("::ffff:a00:1/128");
    assertThat(Cidr.parse("fe80::1:2/64")).hasToString("fe80::/64");
  }

  @Test
  void rejectsWhatTheApiRejects() {
    for (String bad :
        List.of(
            "10.0.0.0/33",
            "10.0.0/8",
            "256.0.0.0/8",
            "10.0.0.0/",
            "10.0.0.0/a",
            "1::2::3",
            "1:2:3:4:5:6:7:8:9",
            "12345::",
            "example.com",
            "")) {
      assertThatThrownBy(() -> Cidr.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void containsAndOverlapsWithinOneFamily() {
    Cidr ten = Cidr.parse("10.0.0.0/8");
    assertThat(ten.contains(Cidr.parse("10.255.0.0/16"))).isTrue();
    assertThat(ten.contains(Cidr.parse("11.0.0.0/16"))).isFalse();
    assertThat(Cidr.parse("10.255.0.0/16").contains(ten)).isFalse();
    assertThat(Cidr.parse("10.255.0.0/16").overlaps(ten)).isTrue();
    assertThat(Cidr.ALL_V4.contains(Cidr.parse("::1"))).isFalse();
    assertThat(Cidr.ALL_V6.contains(Cidr.parse("2001:db8::/32"))).isTrue();
    assertThat(Cidr.parse("2001:db8::/32").contains(Cidr.parse("2001:db8:ffff:ffff::/64")))
        .isTrue();
    assertThat(Cidr.parse("2001:db8::/32").contains(Cidr.parse("2001:db9::/64"))).isFalse();
    assertThat(Cidr.parse("::/65").contains(Cidr.parse("::8000:0:0:0/66"))).isFalse();
    assertThat(Cidr.parse("::/65").contains(Cidr.parse("::7fff:0:0:0/66"))).isTrue();
  }

  @Test
  void coverageByAUnionOfPrefixes() {
    Cidr eight = Cidr.parse("10.0.0.0/8");
    assertThat(Cidr.covered(eight, List.of(Cidr.parse("10.0.0.0/9"), Cidr.parse("10.128.0.0/9"))))
        .isTrue();
    assertThat(
            Cidr.covered(
                eight,
                List.of(
                    Cidr.parse("10.0.0.0/9"),
                    Cidr.parse("10.128.0.0/10"),
                    Cidr.parse("10.192.0.0/11"),
                    Cidr.parse("10.224.0.0/12"))))
        .isFalse();
    assertThat(Cidr.covered(Cidr.parse("10.1.0.0/16"), List.of(eight))).isTrue();
    assertThat(Cidr.covered(eight, List.of())).isFalse();
  }

  @Test
  void ipBlocksKnowTheirPublicAddresses() {
    IpBlock everything = new IpBlock(Cidr.ALL_V4, List.of());
    IpBlock internetOnly =
        new IpBlock(
            Cidr.ALL_V4,
            List.of(
                Cidr.parse("10.0.0.0/8"),
                Cidr.parse("172.16.0.0/12"),
                Cidr.parse("192.168.0.0/16")));
    IpBlock vpc = new IpBlock(Cidr.parse("10.0.0.0/16"), List.of());
    assertThat(everything.hasPublicAddress()).isTrue();
    assertThat(internetOnly.hasPublicAddress()).isTrue();
    assertThat(vpc.hasPublicAddress()).isFalse();
    assertThat(new IpBlock(Cidr.parse("2001:db8::/32"), List.of()).hasPublicAddress()).isTrue();
    assertThat(new IpBlock(Cidr.parse("fd00::/8"), List.of()).hasPublicAddress()).isFalse();
    assertThat(internetOnly.containsAll(Cidr.parse("8.8.8.8"))).isTrue();
    assertThat(internetOnly.containsAll(Cidr.parse("10.0.0.0/24"))).isFalse();
    assertThat(internetOnly.intersects(Cidr.parse("10.0.0.0/7"))).isTrue();
    assertThat(internetOnly.intersects(Cidr.parse("10.0.0.0/8"))).isFalse();
    assertThat(Addresses.isPrivate(Cidr.parse("10.0.0.0/8"))).isTrue();
    assertThat(Addresses.isPrivate(Cidr.parse("203.0.113.0/24"))).isFalse();
  }
}
