package dev.rampart.checks.controlplane;

/** The control-plane components whose flags Rampart reads from their mirror pods. */
public enum Component {
  KUBE_APISERVER("kube-apiserver"),
  KUBE_CONTROLLER_MANAGER("kube-controller-manager"),
  KUBE_SCHEDULER("kube-scheduler"),
  ETCD("etcd");

  private final String id;

  Component(String id) {
    this.id = id;
  }

  /** The binary's name, also the kubeadm {@code component} label. */
  public String id() {
    return id;
  }

  /** The component a {@code component} label or a binary name denotes, or null. */
  static Component of(String name) {
    if (name == null) {
      return null;
    }
    String base = name.substring(name.lastIndexOf('/') + 1);
    for (Component c : values()) {
      if (c.id.equals(base)) {
        return c;
      }
    }
    return null;
  }
}
