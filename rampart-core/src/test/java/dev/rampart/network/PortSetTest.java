package dev.rampart.network;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PortSetTest {

  @Test
  void unionMergesAdjacentAndOverlappingRanges() {
    PortSet s =
        PortSet.range(Protocol.TCP, 80, 90)
            .union(PortSet.range(Protocol.TCP, 91, 100))
            .union(PortSet.port(Protocol.TCP, 443))
            .union(PortSet.range(Protocol.TCP, 95, 120))
            .union(PortSet.port(Protocol.UDP, 53));
    assertThat(s.describe()).isEqualTo("TCP 80-120, 443; UDP 53");
    assertThat(s.contains(Protocol.TCP, 100)).isTrue();
    assertThat(s.contains(Protocol.TCP, 121)).isFalse();
    assertThat(s.contains(Protocol.SCTP, 53)).isFalse();
    assertThat(s)
        .isEqualTo(
            PortSet.port(Protocol.UDP, 53)
                .union(PortSet.port(Protocol.TCP, 443))
                .union(PortSet.range(Protocol.TCP, 80, 120)));
  }

  @Test
  void intersectionAndTheExtremes() {
    PortSet tcp = PortSet.allOf(Protocol.TCP);
    assertThat(tcp.describe()).isEqualTo("all TCP ports");
    assertThat(PortSet.ALL.describe()).isEqualTo("all ports");
    assertThat(PortSet.NONE.describe()).isEqualTo("no ports");
    assertThat(tcp.intersect(PortSet.port(Protocol.UDP, 53)).isEmpty()).isTrue();
    assertThat(PortSet.ALL.intersect(PortSet.port(Protocol.UDP, 53)))
        .isEqualTo(PortSet.port(Protocol.UDP, 53));
    assertThat(
            PortSet.range(Protocol.TCP, 1, 100)
                .union(PortSet.range(Protocol.TCP, 200, 300))
                .intersect(PortSet.range(Protocol.TCP, 50, 250)))
        .isEqualTo(
            PortSet.range(Protocol.TCP, 50, 100).union(PortSet.range(Protocol.TCP, 200, 250)));
    assertThat(PortSet.range(Protocol.TCP, 10, 5).isEmpty()).isTrue();
    assertThat(PortSet.range(Protocol.TCP, 0, 70000)).isEqualTo(tcp);
    assertThat(tcp.union(PortSet.allOf(Protocol.UDP)).union(PortSet.allOf(Protocol.SCTP)))
        .isEqualTo(PortSet.ALL);
  }
}
