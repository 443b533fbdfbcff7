package dev.rampart.checks.pss;

import dev.rampart.checks.Violation;
import dev.rampart.checks.pss.SecurityContexts.Site;
import dev.rampart.snapshot.ContainerView;
import dev.rampart.snapshot.Workload;
import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.SecurityContext;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** The capabilities a container adds, as Pod Security Admission compares them. */
final class AddedCapabilities {

  /**
   * The capabilities container runtimes grant by default, which baseline lets a container add back.
   * Names are compared exactly: {@code chown} and {@code CAP_CHOWN} are not {@code CHOWN}.
   */
  static final Set<String> RUNTIME_DEFAULT =
      Set.of(
          "AUDIT_WRITE",
          "CHOWN",
          "DAC_OVERRIDE",
          "FOWNER",
          "FSETID",
          "KILL",
          "MKNOD",
          "NET_BIND_SERVICE",
          "SETFCAP",
          "SETGID",
          "SETPCAP",
          "SETUID",
          "SYS_CHROOT");

  private static final String ADD = "capabilities.add";

  private AddedCapabilities() {}

  /**
   * Reports, in one finding for the container, the added capabilities that {@code forbidden}
   * selects, with a patch that keeps only the others.
   *
   * @param why completes the message "container X adds CAP, CAP", e.g. "; only ... may be added"
   */
  static void report(
      Workload w,
      ContainerView c,
      Predicate<String> forbidden,
      String why,
      Consumer<Violation> fail) {
    Capabilities caps = SecurityContexts.container(c, SecurityContext::getCapabilities);
    if (caps == null) {
      return;
    }
    List<String> added =
        SecurityContexts.orEmpty(caps.getAdd()).stream().map(SecurityContexts::orEmpty).toList();
    List<String> bad = added.stream().filter(forbidden).distinct().toList();
    if (bad.isEmpty()) {
      return;
    }
    List<String> kept = added.stream().filter(forbidden.negate()).toList();
    Site site = new Site(w, c);
    String list = String.join(", ", bad);
    fail.accept(
        site.violation(
                ADD,
                site.describe()
                    + " adds "
                    + (bad.size() == 1 ? "capability " : "capabilities ")
                    + list
                    + why)
            .withValue(list)
            .withPatch(site.patch(ADD, kept)));
  }
}
