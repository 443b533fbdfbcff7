package dev.rampart.checks.controlplane;

import dev.rampart.checks.Violation;
import dev.rampart.checks.version.Version;
import dev.rampart.snapshot.KubeObject;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A control-plane component as its mirror (static) pod shows it: the container that runs the
 * binary, its parsed flags, and the version of its image.
 *
 * @param index the container's index in {@code spec.containers}
 * @param version the image tag's version (e.g. {@code v1.29.4} for kube-apiserver, {@code 3.5.12-0}
 *     for etcd), null when the image has none
 */
public record ControlPlanePod(
    KubeObject object,
    Component component,
    int index,
    Container container,
    Flags flags,
    Version version) {

  /** The flag's value in effect: written, from the environment (etcd), or the default. */
  public Setting setting(String flag) {
    Optional<Flags.Occurrence> written = flags.last(flag);
    if (written.isPresent()) {
      return new Setting(flag, written.get().value(), true, path(written.get().list(), flag));
    }
    if (component == Component.ETCD) {
      String variable = "ETCD_" + flag.toUpperCase(Locale.ROOT).replace('-', '_');
      List<EnvVar> env = container.getEnv() == null ? List.of() : container.getEnv();
      for (EnvVar e : env) {
        if (variable.equals(e.getName()) && e.getValue() != null) {
          return new Setting(flag, e.getValue(), true, field("env[" + variable + "]"));
        }
      }
    }
    Version kubernetes = component == Component.ETCD ? null : version;
    return new Setting(
        flag,
        FlagDefaults.of(component, flag, kubernetes).orElse(null),
        false,
        path(defaultList(), flag));
  }

  /** Every element of a list flag (all occurrences, comma-separated). */
  public List<String> list(String flag) {
    return flags.list(flag);
  }

  public AdmissionPlugins admissionPlugins() {
    return AdmissionPlugins.of(flags, version);
  }

  /** A finding on this pod's container at the setting, showing the setting as the value. */
  public Violation violation(Setting setting, String message) {
    return Violation.of(object, setting.path(), message)
        .inContainer(container.getName())
        .withValue(setting.display());
  }

  /** A finding on a flag without a single setting to show (several flags, a list element). */
  public Violation violation(String flag, String value, String message) {
    String list = flags.last(flag).map(Flags.Occurrence::list).orElse(defaultList());
    return Violation.of(object, path(list, flag), message)
        .inContainer(container.getName())
        .withValue(value);
  }

  /**
   * A finding about an admission plugin, located at the flag that decides it: the legacy
   * --admission-control, --disable-admission-plugins when it turns the plugin off, else
   * --enable-admission-plugins.
   */
  public Violation admissionViolation(String plugin, String message) {
    String flag;
    if (admissionPlugins().legacy()) {
      flag = "admission-control";
    } else if (flags.list("disable-admission-plugins").contains(plugin)) {
      flag = "disable-admission-plugins";
    } else {
      flag = "enable-admission-plugins";
    }
    List<String> values = flags.list(flag);
    return violation(
        flag,
        values.isEmpty() ? "--" + flag + " not set" : "--" + flag + "=" + String.join(",", values),
        message);
  }

  /** {@code kube-apiserver kube-system/kube-apiserver-cp-1}, how messages name the component. */
  public String name() {
    return component.id() + " (" + object.name() + ")";
  }

  /** The JSON path of a field of the container, e.g. {@code spec.containers[0].command}. */
  public String field(String relative) {
    return "spec.containers[" + index + "]." + relative;
  }

  /** Where a missing flag belongs: with the others in the command, or in args when it has none. */
  private String defaultList() {
    List<String> command = container.getCommand();
    return command != null && !command.isEmpty() ? "command" : "args";
  }

  private String path(String list, String flag) {
    return field(list + "[--" + flag + "]");
  }
}
