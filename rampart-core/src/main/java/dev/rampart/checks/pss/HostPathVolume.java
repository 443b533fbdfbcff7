package dev.rampart.checks.pss;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.checks.WorkloadCheck;
import dev.rampart.snapshot.Workload;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.List;
import java.util.function.Consumer;

@CheckInfo(
    id = "host-path-volume",
    title = "Pod mounts a directory or file of the node (hostPath volume)",
    severity = Severity.HIGH,
    category = Category.WORKLOAD,
    frameworks = {
      "pss:baseline/host-path-volumes",
      "pss:restricted/volume-types",
      "cis-k8s-1.9:5.2.12",
      "nsa-cisa:pod-security",
      "mitre:t1611"
    },
    why =
        """
        A hostPath volume gives the container the node's file system. Writable mounts of /, \
        /etc, /var/lib/kubelet, /root or the container runtime socket are a direct escape to the \
        node; even read-only mounts expose kubelet credentials, other pods' secrets and logs. \
        From the node an attacker reaches every pod and credential scheduled on it.""",
    remediation =
        """
        Replace the hostPath volume with an emptyDir, a ConfigMap, Secret or projected volume, or \
        a PersistentVolumeClaim. Node agents that truly need node files belong in a dedicated, \
        namespace-isolated system workload with an accepted exception, mounting the narrowest \
        path read-only.""",
    notes =
        """
        Same semantics as the Pod Security Admission control host-path-volumes: any hostPath \
        volume fails, whatever its path, type or mount mode. It also violates the restricted \
        control volume-types; restricted-volume-type leaves hostPath to this check so that a \
        volume is reported once. No patch is offered: removing a volume breaks its mounts.""")
public final class HostPathVolume extends WorkloadCheck {

  @Override
  protected void check(Workload w, CheckContext context, Consumer<Violation> fail) {
    List<Volume> volumes = SecurityContexts.orEmpty(w.spec().getVolumes());
    for (int i = 0; i < volumes.size(); i++) {
      Volume v = volumes.get(i);
      if (v.getHostPath() != null) {
        fail.accept(
            Violation.of(
                    w.object(),
                    w.field("volumes[" + i + "].hostPath"),
                    "volume " + v.getName() + " mounts the node path " + v.getHostPath().getPath())
                .withValue(v.getHostPath().getPath()));
      }
    }
  }
}
