package dev.rampart.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rampart.checks.version.KnownVulnerability;
import dev.rampart.checks.version.Version;
import dev.rampart.checks.version.VersionData;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class VersionDataFileTest {

  static final String MINIMAL =
      """
      {
        "schema": "rampart.dev/versions/v1",
        "version": "2099.1.0",
        "date": "2099-01-01",
        "sources": ["a test"],
        "kubernetes": {"releases": [{"minor": "1.29", "endOfLife": "2025-02-28", "finalPatch": "1.29.15"}]},
        "vulnerabilities": [
          {"id": "CVE-2024-10220", "component": "kubelet", "severity": "high", "title": "gitRepo",
           "affected": [{"fixed": "1.28.12"}, {"introduced": "1.29.0", "fixed": "1.29.7"}],
           "references": ["https://example.com"]}
        ]
      }
      """;

  static VersionData parse(String json) throws DataFileException {
    return VersionDataFile.parse("test.json", json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theBundledDataIsValidVersionedAndCitesItsSources() {
    VersionData data = VersionDataFile.bundled();
    assertThat(data.version()).matches("\\d+\\.\\d+\\.\\d+");
    assertThat(data.date()).isAfter(LocalDate.of(2026, 1, 1));
    assertThat(data.sources()).isNotEmpty();
    assertThat(data.release(Version.of("v1.29.4")).orElseThrow().endOfLife())
        .isEqualTo(LocalDate.of(2025, 2, 28));
    assertThat(data.vulnerabilities())
        .extracting(KnownVulnerability::id)
        .contains(
            "CVE-2018-1002105",
            "CVE-2019-11253",
            "CVE-2020-8554",
            "CVE-2021-25741",
            "CVE-2022-3172",
            "CVE-2023-5528",
            "CVE-2024-3177",
            "CVE-2024-10220",
            "CVE-2025-1974",
            "CVE-2024-21626",
            "CVE-2022-0847");
    assertThat(data.vulnerabilities()).allMatch(k -> !k.references().isEmpty());
  }

  @Test
  void theBundledRangesMatchTheAdvisories() {
    VersionData data = VersionDataFile.bundled();
    assertThat(ids(data, "kube-apiserver", "v1.29.3")).contains("CVE-2024-3177");
    assertThat(ids(data, "kube-apiserver", "v1.29.4")).doesNotContain("CVE-2024-3177");
    assertThat(ids(data, "kube-apiserver", "v1.35.0")).containsExactly("CVE-2020-8554");
    assertThat(ids(data, "kubelet", "v1.30.2")).contains("CVE-2024-10220");
    assertThat(ids(data, "kubelet", "v1.30.3")).doesNotContain("CVE-2024-10220");
    assertThat(ids(data, "containerd", "1.6.27")).contains("CVE-2024-21626");
    assertThat(ids(data, "containerd", "1.7.13")).doesNotContain("CVE-2024-21626");
    assertThat(ids(data, "linux-kernel", "5.15.24")).contains("CVE-2022-0847");
    assertThat(ids(data, "linux-kernel", "5.15.25")).doesNotContain("CVE-2022-0847");
    assertThat(ids(data, "linux-kernel", "5.13.19")).contains("CVE-2022-0847");
    assertThat(ids(data, "linux-kernel", "5.4.200")).doesNotContain("CVE-2022-0847");
    assertThat(ids(data, "ingress-nginx", "v1.12.0")).contains("CVE-2025-1974");
    assertThat(ids(data, "ingress-nginx", "v1.11.5")).doesNotContain("CVE-2025-1974");
    assertThat(data.affecting("kubelet", Version.of("v1.28.3"), "linux"))
        .extracting(KnownVulnerability::id)
        .doesNotContain("CVE-2023-5528");
    assertThat(data.affecting("kubelet", Version.of("v1.28.3"), "windows"))
        .extracting(KnownVulnerability::id)
        .contains("CVE-2023-5528");
  }

  private static java.util.List<String> ids(VersionData data, String component, String v) {
    return data.affecting(component, Version.of(v), null).stream()
        .map(KnownVulnerability::id)
        .toList();
  }

  @Test
  void parsesAMinimalFile() throws Exception {
    VersionData data = parse(MINIMAL);
    assertThat(data.describe()).isEqualTo("Rampart version data 2099.1.0 (2099-01-01)");
    assertThat(data.affecting("kubelet", Version.of("1.29.6"), "linux")).hasSize(1);
  }

  @Test
  void refusesUnknownFieldsWithTheirPath() {
    assertThatThrownBy(() -> parse(MINIMAL.replace("\"finalPatch\"", "\"finalpatch\"")))
        .isInstanceOf(DataFileException.class)
        .hasMessage(
            "test.json: kubernetes.releases[0].finalpatch: Unrecognized field \"finalpatch\""
                + " at line 6");
  }

  @Test
  void listsEveryProblemOfAWrongFile() {
    String wrong =
        MINIMAL
            .replace("rampart.dev/versions/v1", "something/else")
            .replace("\"2099.1.0\"", "\"new\"")
            .replace("\"kubelet\"", "\"kubectl\"")
            .replace(
                "\"introduced\": \"1.29.0\", \"fixed\": \"1.29.7\"",
                "\"introduced\": \"1.29.7\", \"fixed\": \"1.29.0\"");
    assertThatThrownBy(() -> parse(wrong))
        .isInstanceOf(DataFileException.class)
        .hasMessageContaining("schema must be rampart.dev/versions/v1")
        .hasMessageContaining("version must look like 2026.11.1, found new")
        .hasMessageContaining("component must be one of")
        .hasMessageContaining("range introduced 1.29.7 is not before fixed 1.29.0");
  }

  @Test
  void refusesMalformedJsonWithTheLine() {
    assertThatThrownBy(() -> parse("{\n  \"schema\": \n}"))
        .isInstanceOf(DataFileException.class)
        .hasMessageContaining("line 3");
  }
}
