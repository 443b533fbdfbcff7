package dev.rampart.checks.workload;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.ContainerCheck;
import dev.rampart.checks.Patches;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.ContainerView;
import dev.rampart.snapshot.Workload;
import java.util.function.Consumer;

@CheckInfo(
    id = "writable-root-filesystem",
    title = "Container root filesystem is writable",
    severity = Severity.MEDIUM,
    category = Category.WORKLOAD,
    frameworks = {"nsa-cisa:pod-security"},
    why =
        """
        A writable root filesystem lets an intruder download tools, drop binaries and web shells, \
        and change the application's own code and configuration, in a place that survives until \
        the container restarts.""",
    remediation =
        """
        Set securityContext.readOnlyRootFilesystem: true and mount an emptyDir at each path the \
        application writes to (/tmp, caches).""",
    notes =
        """
        Every container is checked, init and ephemeral ones included; unset counts as writable, as \
        the runtime treats it. Windows pods are not applicable (Windows does not support a \
        read-only root filesystem). Agrees with Polaris notReadOnlyRootFilesystem.""")
public final class WritableRootFilesystem extends ContainerCheck {

  @Override
  protected String notApplicable(Workload w) {
    return PodOs.isWindows(w) ? "Windows pods cannot have a read-only root filesystem" : null;
  }

  @Override
  protected void check(
      Workload w, ContainerView c, CheckContext context, Consumer<Violation> fail) {
    Boolean readOnly =
        c.securityContext() == null ? null : c.securityContext().getReadOnlyRootFilesystem();
    if (!Boolean.TRUE.equals(readOnly)) {
      String how = readOnly == null ? "does not set" : "sets false for";
      fail.accept(
          violation(
                  w,
                  c,
                  "securityContext.readOnlyRootFilesystem",
                  "container " + c.name() + " " + how + " readOnlyRootFilesystem")
              .withValue(readOnly)
              .withPatch(Patches.container(w, c, "securityContext.readOnlyRootFilesystem", true)));
    }
  }
}
