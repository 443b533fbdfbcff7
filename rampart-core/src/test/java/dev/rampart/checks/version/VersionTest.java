package dev.rampart.checks.version;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VersionTest {

  @Test
  void readsTheVersionsComponentsReport() {
    Version eks = Version.of("v1.29.3-eks-adc7111");
    assertThat(eks.numbers()).containsExactly(1, 29, 3);
    assertThat(eks.suffix()).isEqualTo("-eks-adc7111");
    assertThat(eks.minorLine()).isEqualTo("1.29");
    assertThat(Version.of("v1.27.6+f67aeb3").suffix()).isEqualTo("+f67aeb3");
    Version kernel = Version.of("5.15.0-105-generic");
    assertThat(kernel.numbers()).containsExactly(5, 15, 0);
    assertThat(kernel.suffix()).isEqualTo("-105-generic");
    assertThat(Version.of("3.5.12-0").core()).isEqualTo("3.5.12");
    assertThat(Version.of("5.8").patch()).isZero();
  }

  @Test
  void refusesWhatIsNotAVersion() {
    assertThat(Version.parse("latest")).isEmpty();
    assertThat(Version.parse("")).isEmpty();
    assertThat(Version.parse(null)).isEmpty();
    assertThat(Version.parse("v")).isEmpty();
    assertThat(Version.parse("99999999999.1")).isEmpty();
  }

  @Test
  void ordersByNumbersOnly() {
    assertThat(Version.of("1.10.0")).isGreaterThan(Version.of("1.9.11"));
    assertThat(Version.of("v1.29.3-eks-1")).isEqualByComparingTo(Version.of("1.29.3"));
    assertThat(Version.of("5.10")).isEqualByComparingTo(Version.of("5.10.0"));
    assertThat(Version.of("1.29.4").isAtLeast(1, 28)).isTrue();
    assertThat(Version.of("1.27.16").isAtLeast(1, 28)).isFalse();
  }

  @Test
  void rangesIncludeIntroducedAndExcludeFixed() {
    VersionRange r = new VersionRange(Version.of("1.29.0"), Version.of("1.29.7"));
    assertThat(r.contains(Version.of("v1.29.0"))).isTrue();
    assertThat(r.contains(Version.of("v1.29.6"))).isTrue();
    assertThat(r.contains(Version.of("v1.29.7"))).isFalse();
    assertThat(r.contains(Version.of("v1.28.99"))).isFalse();
    assertThat(new VersionRange(null, null).contains(Version.of("1.0.0"))).isTrue();
    assertThat(new VersionRange(null, Version.of("1.10.11")).contains(Version.of("0.9"))).isTrue();
  }
}
