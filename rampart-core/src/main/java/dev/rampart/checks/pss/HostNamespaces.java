package dev.rampart.checks.pss;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Patches;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.checks.WorkloadCheck;
import dev.rampart.snapshot.Workload;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

@CheckInfo(
    id = "host-namespaces",
    title = "Pod shares the node's network, process or IPC namespace",
    severity = Severity.HIGH,
    category = Category.WORKLOAD,
    frameworks = {
      "pss:baseline/host-namespaces",
      "cis-k8s-1.9:5.2.3",
      "cis-k8s-1.9:5.2.4",
      "cis-k8s-1.9:5.2.5",
      "nsa-cisa:pod-security",
      "mitre:t1611"
    },
    why =
        """
        hostPID lets the pod see every process on the node and, as root, read their command \
        lines and environment (credentials of other pods and node agents); with SYS_PTRACE or \
        SYS_ADMIN it can trace them or enter their namespaces. hostNetwork puts the pod on the \
        node's network stack: it can bind node ports, sniff node traffic and reach services \
        listening on the node's loopback interface (the kubelet, node-local agents), and most \
        NetworkPolicy implementations do not apply to it. hostIPC shares the node's System V \
        shared memory and semaphores. Each removes an isolation boundary that container escapes \
        rely on.""",
    remediation =
        """
        Remove hostNetwork, hostPID and hostIPC from the pod spec, or set them to false. Expose \
        network services through a Service instead of the node's network; debug node processes \
        from a dedicated, short-lived node debugging session (kubectl debug node/...) rather than \
        from an application workload.""",
    notes =
        """
        Same semantics as the Pod Security Admission control host-namespaces: only an explicit \
        true fails. hostUsers is not part of this control. One finding per namespace shared.""")
public final class HostNamespaces extends WorkloadCheck {

  private static final Map<String, Function<PodSpec, Boolean>> NAMESPACES = new LinkedHashMap<>();

  static {
    NAMESPACES.put("hostNetwork", PodSpec::getHostNetwork);
    NAMESPACES.put("hostPID", PodSpec::getHostPID);
    NAMESPACES.put("hostIPC", PodSpec::getHostIPC);
  }

  @Override
  protected void check(Workload w, CheckContext context, Consumer<Violation> fail) {
    NAMESPACES.forEach(
        (field, getter) -> {
          if (Boolean.TRUE.equals(getter.apply(w.spec()))) {
            fail.accept(
                Violation.of(w.object(), w.field(field), "pod sets " + field + "=true")
                    .withValue(true)
                    .withPatch(Patches.pod(w, field, false)));
          }
        });
  }
}
