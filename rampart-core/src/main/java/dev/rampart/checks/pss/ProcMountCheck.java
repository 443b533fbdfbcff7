package dev.rampart.checks.pss;

import dev.rampart.checks.CheckContext;
import dev.rampart.checks.ContainerCheck;
import dev.rampart.checks.Patches;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.ContainerView;
import dev.rampart.snapshot.Workload;
import io.fabric8.kubernetes.api.model.SecurityContext;
import java.util.function.Consumer;

/**
 * A container's procMount must be unset or exactly {@code Default}: {@code Unmasked}, {@code
 * default} and {@code ""} all fail. The baseline and restricted checks differ only in which pods
 * they apply to.
 */
abstract class ProcMountCheck extends ContainerCheck {

  private static final String FIELD = "securityContext.procMount";

  @Override
  protected final void check(
      Workload w, ContainerView c, CheckContext context, Consumer<Violation> fail) {
    String procMount = SecurityContexts.container(c, SecurityContext::getProcMount);
    if (procMount != null && !procMount.equals("Default")) {
      fail.accept(
          violation(w, c, FIELD, "container " + c.name() + " sets procMount " + procMount)
              .withValue(procMount)
              .withPatch(Patches.container(w, c, FIELD, "Default")));
    }
  }
}
