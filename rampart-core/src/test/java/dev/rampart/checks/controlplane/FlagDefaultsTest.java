package dev.rampart.checks.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.version.Version;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlagDefaultsTest {

  @Test
  void knowsTheDefaultsThatMakeAnAbsentFlagInsecure() {
    Version v = Version.of("v1.29.4");
    assertThat(FlagDefaults.of(Component.KUBE_APISERVER, "anonymous-auth", v)).contains("true");
    assertThat(FlagDefaults.of(Component.KUBE_APISERVER, "authorization-mode", v))
        .contains("AlwaysAllow");
    assertThat(FlagDefaults.of(Component.KUBE_SCHEDULER, "bind-address", v)).contains("0.0.0.0");
    assertThat(FlagDefaults.of(Component.ETCD, "client-cert-auth", null)).contains("false");
    assertThat(FlagDefaults.of(Component.KUBE_APISERVER, "no-such-flag", v)).isEmpty();
  }

  @Test
  void theInsecurePortDependsOnTheVersion() {
    assertThat(FlagDefaults.of(Component.KUBE_APISERVER, "insecure-port", Version.of("v1.19.16")))
        .contains("8080");
    assertThat(FlagDefaults.of(Component.KUBE_APISERVER, "insecure-port", Version.of("v1.20.0")))
        .contains("0");
    assertThat(FlagDefaults.of(Component.KUBE_APISERVER, "insecure-port", Version.of("v1.24.0")))
        .isEmpty();
    assertThat(FlagDefaults.of(Component.KUBE_APISERVER, "insecure-port", null)).isEmpty();
  }

  @Test
  void admissionPluginsFollowTheVersionDefaultsAndTheFlags() {
    Flags none = Flags.parse(List.of("kube-apiserver"), List.of());
    AdmissionPlugins old = AdmissionPlugins.of(none, Version.of("v1.9.11"));
    assertThat(old.enabled("AlwaysAdmit")).isTrue();
    assertThat(old.enabled("NamespaceLifecycle")).isFalse();

    AdmissionPlugins current = AdmissionPlugins.of(none, Version.of("v1.29.4"));
    assertThat(current.enabled("NamespaceLifecycle")).isTrue();
    assertThat(current.enabled("PodSecurity")).isTrue();
    assertThat(current.enabled("NodeRestriction")).isFalse();

    Flags changed =
        Flags.parse(
            List.of(
                "kube-apiserver",
                "--enable-admission-plugins=NodeRestriction",
                "--disable-admission-plugins=ServiceAccount"),
            List.of());
    AdmissionPlugins edited = AdmissionPlugins.of(changed, Version.of("v1.29.4"));
    assertThat(edited.enabled("NodeRestriction")).isTrue();
    assertThat(edited.enabled("ServiceAccount")).isFalse();

    Flags legacy =
        Flags.parse(List.of("kube-apiserver", "--admission-control=NodeRestriction"), List.of());
    AdmissionPlugins exact = AdmissionPlugins.of(legacy, Version.of("v1.29.4"));
    assertThat(exact.legacy()).isTrue();
    assertThat(exact.enabled("NamespaceLifecycle")).isFalse();
  }
}
