package dev.rampart.checks.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FlagsTest {

  @Test
  void readsEqualsSpaceAndBareBooleanForms() {
    Flags f =
        Flags.parse(
            List.of("kube-apiserver", "--secure-port=6443", "--audit-log-path", "/var/log/a.log"),
            List.of("--profiling", "--v=2"));
    assertThat(f.value("secure-port")).contains("6443");
    assertThat(f.value("audit-log-path")).contains("/var/log/a.log");
    assertThat(f.value("profiling")).contains("true");
    assertThat(f.last("profiling").orElseThrow().list()).isEqualTo("args");
    assertThat(f.has("anonymous-auth")).isFalse();
  }

  @Test
  void aBooleanFlagNeverTakesTheNextWordAsPflagDoes() {
    Flags f = Flags.parse(List.of("kube-apiserver", "--anonymous-auth", "false"), List.of());
    assertThat(f.value("anonymous-auth")).contains("true");
  }

  @Test
  void theLastOccurrenceWinsAndListsAppend() {
    Flags f =
        Flags.parse(
            List.of(
                "kube-apiserver",
                "--profiling=true",
                "--enable-admission-plugins=NodeRestriction",
                "--profiling=false",
                "--enable-admission-plugins=AlwaysPullImages, EventRateLimit"),
            List.of());
    assertThat(f.value("profiling")).contains("false");
    assertThat(f.list("enable-admission-plugins"))
        .containsExactly("NodeRestriction", "AlwaysPullImages", "EventRateLimit");
  }

  @Test
  void mapFlagsMergeWithLaterKeysWinning() {
    Flags f =
        Flags.parse(
            List.of(
                "kube-controller-manager",
                "--feature-gates=RotateKubeletServerCertificate=false,Foo=true",
                "--feature-gates=RotateKubeletServerCertificate=true"),
            null);
    assertThat(f.map("feature-gates"))
        .containsEntry("RotateKubeletServerCertificate", "true")
        .containsEntry("Foo", "true");
  }

  @Test
  void readsFlagsInsideAShellWrapperAndQuotedValues() {
    Flags f =
        Flags.parse(
            List.of("/bin/sh", "-c", "exec etcd --name 'cp 1' --client-cert-auth=\"true\""),
            List.of());
    assertThat(f.value("name")).contains("cp 1");
    assertThat(f.value("client-cert-auth")).contains("true");
  }

  @Test
  void singleDashesCountAsGoFlagDoesAndDoubleDashEndsFlags() {
    Flags f = Flags.parse(List.of("etcd", "-peer-auto-tls=true", "--", "--profiling"), List.of());
    assertThat(f.value("peer-auto-tls")).contains("true");
    assertThat(f.has("profiling")).isFalse();
  }

  @Test
  void negativeNumbersAreValuesNotFlags() {
    Flags f = Flags.parse(List.of("kubelet", "--pod-max-pids", "-1"), List.of());
    assertThat(f.value("pod-max-pids")).contains("-1");
  }

  @Test
  void emptyOrMissingListsHaveNoFlags() {
    assertThat(Flags.parse(null, null).occurrences()).isEmpty();
    assertThat(Flags.parse(List.of(), List.of("")).occurrences()).isEmpty();
  }
}
