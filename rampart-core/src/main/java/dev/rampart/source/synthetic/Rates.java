package dev.rampart.source.synthetic;

/**
 * How often each weakness and feature occurs per workload (or per namespace, service, node). The
 * rates follow what published surveys of production clusters report (a few per cent privileged or
 * on the host network, a third without limits, most without a read-only root filesystem), so that
 * checks, RBAC and the attack-path search do realistic work rather than none.
 */
final class Rates {

  private Rates() {}

  static final double PRIVILEGED = 0.015;
  static final double HOST_PATH = 0.03;
  static final double HOST_PATH_SENSITIVE = 0.35; // of hostPath volumes: /, the runtime socket
  static final double HOST_NETWORK = 0.01;
  static final double HOST_PID = 0.005;
  static final double DANGEROUS_CAPABILITY = 0.01;
  static final double LATEST_TAG = 0.08;
  static final double NO_TAG = 0.02;
  static final double DIGEST = 0.2;
  static final double MISSING_LIMITS = 0.3;
  static final double MISSING_REQUESTS = 0.15;
  static final double RUN_AS_NON_ROOT = 0.45;
  static final double READ_ONLY_ROOT = 0.35;
  static final double DROP_ALL = 0.4;
  static final double NO_PROBES = 0.2;
  static final double SECRET_ENV = 0.15;
  static final double SIDECAR = 0.2;
  static final double OWN_SERVICE_ACCOUNT = 0.6;
  static final double NO_TOKEN_AUTOMOUNT = 0.25;
  static final double UNTRUSTED_REGISTRY = 0.1;

  static final double SERVICE = 0.8; // of Deployments and StatefulSets
  static final double LOAD_BALANCER = 0.03;
  static final double INTERNAL_LB = 0.4; // of LoadBalancers
  static final double NODE_PORT = 0.02;
  static final double INGRESS = 0.08; // of ClusterIP services in prod namespaces
  static final double INGRESS_TLS = 0.7;

  static final double PSA_LABELS = 0.3; // of namespaces
  static final double DEFAULT_DENY = 0.4; // of namespaces
  static final double SECRET_READER = 0.1; // of namespaces: a service account reads secrets
  static final double WILDCARD_ROLE = 0.02; // of namespaces
  static final double POD_CREATOR = 0.05; // of namespaces: a namespaced deployer
  static final double CONFIGMAP = 0.5; // of workloads
  static final double LEAKY_CONFIGMAP = 0.03; // of config maps: a password-looking key
  static final double SECRET = 0.5; // of workloads

  static final double KUBELET_ANONYMOUS = 0.03; // of nodes
  static final double KUBELET_READ_ONLY_PORT = 0.05; // of nodes
  static final int PODS_PER_NODE = 30;
  static final int PODS_PER_NAMESPACE = 100;
  static final int PODS_PER_CLUSTER_ADMIN_SA = 20_000;
}
