package dev.rampart.checks.controlplane;

import java.util.List;

/** The API server's authorizers, shared by the authorization-mode checks. */
final class AuthorizationModes {

  private AuthorizationModes() {}

  /**
   * Since 1.29 authorizers may be configured in a file (--authorization-config) instead of
   * --authorization-mode; the two are exclusive, and the file is not visible.
   */
  static String notEvaluated(ControlPlanePod pod) {
    Setting config = pod.setting("authorization-config");
    if (config.isSet() && !pod.flags().has("authorization-mode")) {
      return pod.component().id()
          + " configures its authorizers in the file --authorization-config="
          + config.value()
          + " on the host, which the API does not show";
    }
    return null;
  }

  /** The modes in effect: the flag's list, or the default (AlwaysAllow) when absent. */
  static List<String> of(ControlPlanePod pod) {
    Setting s = pod.setting("authorization-mode");
    return s.explicit() ? pod.list("authorization-mode") : Flags.splitList(s.value());
  }
}
