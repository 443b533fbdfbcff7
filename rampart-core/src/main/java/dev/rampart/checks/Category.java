package dev.rampart.checks;

/** The areas of a cluster Rampart assesses (DESIGN section 2). */
public enum Category {
  WORKLOAD("workload", "Pods and workloads"),
  RBAC("rbac", "RBAC and identities"),
  NETWORK("network", "Network"),
  DATA("data", "Data and secrets"),
  CONTROL_PLANE("control-plane", "Nodes, API server and etcd"),
  VULNERABILITY("vulnerability", "Versions and vulnerabilities"),
  SUPPLY_CHAIN("supply-chain", "Supply chain");

  private final String id;
  private final String title;

  Category(String id, String title) {
    this.id = id;
    this.title = title;
  }

  public String id() {
    return id;
  }

  public String title() {
    return title;
  }
}
