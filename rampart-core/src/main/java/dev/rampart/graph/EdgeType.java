package dev.rampart.graph;

/** The relationships of the asset graph (DESIGN section 5). */
public enum EdgeType {
  /**
   * The internet reaches a route (Ingress, Gateway API route), a Service (LoadBalancer, NodePort)
   * or a workload's host ports, and on to the pods it selects.
   */
  EXPOSES,
  /** A workload can open connections to a workload of a critical asset group. */
  REACHES,
  /**
   * Whoever reaches a workload (the internet, a route, another workload) runs code in it through a
   * known vulnerability of its image.
   */
  VULNERABLE,
  /** A workload carries the token of its service account. */
  RUNS_AS,
  /**
   * An identity holds a permission set (a binding and its role), or every permission (wildcard,
   * {@code system:masters}, the built-in cluster-admin role).
   */
  GRANTED,
  /** An identity can read a Secret. */
  CAN_READ_SECRET,
  /** A Secret is the long-lived token of a service account. */
  TOKEN_OF,
  /**
   * A permission set lets its holder create pods in a namespace, and so run as any of its service
   * accounts or mount the host; or an identity creates a pod as an admin account.
   */
  CAN_CREATE_POD,
  /** A permission set lets its holder change the workloads of a namespace. */
  CAN_PATCH_WORKLOAD,
  /** A permission set lets its holder run commands in the pods of a workload. */
  CAN_EXEC,
  /** An identity can raise its own permissions to cluster-admin. */
  CAN_ESCALATE,
  /**
   * A container can break out to the node it runs on; or a namespace without baseline Pod Security
   * admission lets a new privileged pod do so.
   */
  ESCAPES_TO,
  /** A node runs a workload, and whoever is root on the node holds its mounted token. */
  HOSTS,
  /** A workload mounts a Secret (volume or environment), a PersistentVolumeClaim or a hostPath. */
  MOUNTS,
  /** A control-plane node holds the cluster's credentials. */
  CONTROLS
}
