package dev.rampart.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComplianceTest {

  @Test
  void countsEachCheckOncePerFrameworkAndPerControl() {
    Compliance c =
        Compliance.count(
            "payments",
            Map.of("privileged-container", 3L, "host-namespaces", 2L),
            Map.of(
                "privileged-container",
                List.of("pss:baseline/privileged", "cis-k8s-1.9:5.2.2", "mitre:t1611"),
                "host-namespaces",
                List.of("cis-k8s-1.9:5.2.3", "cis-k8s-1.9:5.2.4", "mitre:t1611")));

    assertThat(c.group()).isEqualTo("payments");
    assertThat(c.frameworks())
        .extracting(Compliance.Framework::framework)
        .containsExactly("pss", "cis-k8s-1.9", "nsa-cisa", "mitre");
    Compliance.Framework cis = c.frameworks().get(1);
    // host-namespaces cites two CIS controls: its 2 findings count once for CIS, once per control.
    assertThat(cis.findings()).isEqualTo(5);
    assertThat(cis.controls())
        .extracting(Compliance.Control::control, Compliance.Control::findings)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("5.2.2", 3L),
            org.assertj.core.groups.Tuple.tuple("5.2.3", 2L),
            org.assertj.core.groups.Tuple.tuple("5.2.4", 2L));
    Compliance.Framework mitre = c.frameworks().get(3);
    assertThat(mitre.findings()).isEqualTo(5);
    assertThat(mitre.controls().get(0).checks())
        .containsExactly("host-namespaces", "privileged-container");
    assertThat(c.frameworks().get(2).findings()).isZero();
  }

  @Test
  void aFrameworkOutsideTheFourKnownOnesComesAfterThem() {
    Compliance c =
        Compliance.count("g", Map.of("x", 1L), Map.of("x", List.of("custom:1", "nsa-cisa:a")));
    assertThat(c.frameworks())
        .extracting(Compliance.Framework::framework)
        .containsExactly("pss", "cis-k8s-1.9", "nsa-cisa", "mitre", "custom");
  }
}
