package dev.rampart.checks.pss;

import dev.rampart.checks.Violation;
import dev.rampart.checks.pss.SecurityContexts.Field;
import dev.rampart.checks.pss.SecurityContexts.Setting;
import dev.rampart.snapshot.Workload;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Seccomp and AppArmor profiles, judged alike by Pod Security Admission: only {@code
 * RuntimeDefault} and {@code Localhost} confine a container. {@code Unconfined}, an empty type
 * ({@code seccompProfile: {}}) and any other value do not; the comparison is exact.
 */
final class ConfinementProfiles {

  static final Set<String> CONFINING = Set.of("RuntimeDefault", "Localhost");

  private ConfinementProfiles() {}

  /**
   * Reports every explicitly set profile whose type does not confine.
   *
   * @param types the profile type at each site: {@code ""} for a profile set without a type, null
   *     for no profile
   * @param profile the field holding the profile, e.g. {@code seccompProfile}
   */
  static void reportUnconfined(
      Workload w, Field<String> types, String profile, Consumer<Violation> fail) {
    String relative = profile + ".type";
    for (Setting<String> s : types.settings(w)) {
      if (!CONFINING.contains(s.value())) {
        fail.accept(
            s.site()
                .violation(
                    relative,
                    s.site().describe() + " sets " + relative + " to \"" + s.value() + "\"")
                .withValue(s.value())
                .withPatch(s.site().patch(relative, "RuntimeDefault")));
      }
    }
  }
}
