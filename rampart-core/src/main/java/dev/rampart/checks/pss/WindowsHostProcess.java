package dev.rampart.checks.pss;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.checks.WorkloadCheck;
import dev.rampart.checks.pss.SecurityContexts.Field;
import dev.rampart.checks.pss.SecurityContexts.Setting;
import dev.rampart.snapshot.Workload;
import io.fabric8.kubernetes.api.model.WindowsSecurityContextOptions;
import java.util.function.Consumer;

@CheckInfo(
    id = "windows-host-process",
    title = "Windows container runs as a HostProcess on the node",
    severity = Severity.CRITICAL,
    category = Category.WORKLOAD,
    frameworks = {
      "pss:baseline/host-process",
      "cis-k8s-1.9:5.2.11",
      "nsa-cisa:pod-security",
      "mitre:t1611"
    },
    why =
        """
        A Windows HostProcess container is not isolated at all: it runs as a process on the \
        node, in the host's network namespace, with the node's file system and, typically, as \
        SYSTEM or an administrator. It is the Windows equivalent of a privileged container with \
        every host namespace; whoever controls it controls the node.""",
    remediation =
        """
        Remove securityContext.windowsOptions.hostProcess (or set it to false) at pod and \
        container level, and hostNetwork with it. Node management belongs in dedicated system \
        workloads with an accepted exception.""",
    notes =
        """
        Same semantics as the Pod Security Admission control host-process: an explicit true at \
        pod or container level fails, whatever spec.os says. HostProcess pods also need \
        hostNetwork: true, which host-namespaces reports.""")
public final class WindowsHostProcess extends WorkloadCheck {

  private static final String FIELD = "windowsOptions.hostProcess";

  private static final Field<Boolean> HOST_PROCESS =
      new Field<>(p -> hostProcess(p.getWindowsOptions()), c -> hostProcess(c.getWindowsOptions()));

  private static Boolean hostProcess(WindowsSecurityContextOptions options) {
    return options == null ? null : options.getHostProcess();
  }

  @Override
  protected void check(Workload w, CheckContext context, Consumer<Violation> fail) {
    for (Setting<Boolean> s : HOST_PROCESS.settings(w)) {
      if (s.value()) {
        fail.accept(
            s.site()
                .violation(FIELD, s.site().describe() + " sets " + FIELD + "=true")
                .withValue(true)
                .withPatch(s.site().patch(FIELD, false)));
      }
    }
  }
}
