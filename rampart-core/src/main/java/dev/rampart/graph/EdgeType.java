package dev.rampart.graph;

/** The relationships of the asset graph (DESIGN section 5). */
public enum EdgeType {
  /** The internet reaches a workload through a LoadBalancer, NodePort or Ingress. */
  EXPOSES,
  /** A workload can open connections to another workload. */
  REACHES,
  /** A workload carries the token of its service account. */
  RUNS_AS,
  /** An identity holds the permissions of another by group membership or a direct grant. */
  GRANTED,
  /** An identity can read a Secret. */
  CAN_READ_SECRET,
  /** A Secret is the long-lived token of a service account. */
  TOKEN_OF,
  /** An identity can create a pod, and so run as any service account or mount the host. */
  CAN_CREATE_POD,
  /** An identity can change a workload and so run as its service account. */
  CAN_PATCH_WORKLOAD,
  /** An identity can run commands in pods. */
  CAN_EXEC,
  /** An identity can raise its own permissions to cluster-admin. */
  CAN_ESCALATE,
  /** A container can break out to the node it runs on. */
  ESCAPES_TO,
  /** A node runs a workload, and whoever is root on the node holds its mounted token. */
  HOSTS,
  /** A workload mounts a Secret (volume or environment). */
  MOUNTS,
  /** A control-plane node holds the cluster's credentials. */
  CONTROLS
}
