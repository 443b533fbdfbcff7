package dev.rampart.checks.workload;

import dev.rampart.snapshot.KubeObject;

/**
 * Mirror pods: the API server's copies of the static pods a kubelet runs from files on its node
 * (the control plane of kubeadm clusters). The kubelet owns them; they cannot use a ServiceAccount
 * and no controller or Service manages them.
 */
final class MirrorPods {

  private static final String MIRROR = "kubernetes.io/config.mirror";

  private MirrorPods() {}

  static boolean isMirror(KubeObject o) {
    return o.kind().equals("Pod") && o.annotations().containsKey(MIRROR);
  }
}
