package dev.rampart.graph;

import java.util.Objects;

/**
 * A node of the asset graph: the internet, an identity, a permission set, a workload, a Service, a
 * route (Ingress, Gateway API route), a secret, a volume, a namespace, a node, the cluster itself
 * ("cluster-admin").
 *
 * @param namespace null for cluster-scoped assets
 */
public record Asset(Kind kind, String namespace, String name) {

  /** What a node of the graph stands for, with the spelling used in ids ({@code Kind/ns/name}). */
  public enum Kind {
    INTERNET("Internet"),
    SERVICE_ACCOUNT("ServiceAccount"),
    USER("User"),
    GROUP("Group"),
    /** A RoleBinding or ClusterRoleBinding with the role it grants. */
    PERMISSION_SET("PermissionSet"),
    WORKLOAD("Workload"),
    SERVICE("Service"),
    /** An Ingress or a Gateway API route (HTTPRoute, GRPCRoute, ...). */
    ROUTE("Route"),
    SECRET("Secret"),
    /** A PersistentVolumeClaim, or a hostPath (cluster-scoped, named by its path). */
    VOLUME("Volume"),
    NAMESPACE("Namespace"),
    NODE("Node"),
    CLUSTER_ADMIN("ClusterAdmin");

    private final String spelling;

    Kind(String spelling) {
      this.spelling = spelling;
    }

    public String spelling() {
      return spelling;
    }
  }

  public static final Asset INTERNET = new Asset(Kind.INTERNET, null, "internet");
  public static final Asset CLUSTER_ADMIN = new Asset(Kind.CLUSTER_ADMIN, null, "cluster-admin");

  public Asset {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
  }

  /**
   * A stable id: {@code internet}, {@code cluster-admin}, {@code ServiceAccount/ci/deployer},
   * {@code Deployment/storefront/frontend} (a workload carries its own kind), {@code
   * Node/worker-1}.
   */
  public String id() {
    return switch (kind) {
      case INTERNET, CLUSTER_ADMIN -> name;
      case WORKLOAD, PERMISSION_SET, ROUTE, VOLUME ->
          namespace == null ? name : workloadKind() + "/" + namespace + "/" + rest();
      default -> kind.spelling + "/" + (namespace == null ? "" : namespace + "/") + name;
    };
  }

  /** A workload's name is {@code Kind/name}, so that a Deployment and a Pod never collide. */
  static Asset workload(String objectKind, String namespace, String name) {
    return new Asset(Kind.WORKLOAD, namespace, objectKind + "/" + name);
  }

  /**
   * An asset that carries the kind of its object in its name, as a workload does: a binding ({@code
   * ClusterRoleBinding/ci-admin}), a route ({@code Ingress/shop/web}), a claim.
   */
  static Asset of(Kind kind, String objectKind, String namespace, String name) {
    return new Asset(kind, namespace, objectKind + "/" + name);
  }

  /** A hostPath volume: {@code hostPath:/var/log}, one asset per path whoever mounts it. */
  static Asset hostPath(String path) {
    return new Asset(Kind.VOLUME, null, "hostPath:" + path);
  }

  String workloadKind() {
    return name.substring(0, name.indexOf('/'));
  }

  private String rest() {
    return name.substring(name.indexOf('/') + 1);
  }

  /**
   * Mixed with a large odd multiplier, not the 31 of a record's default: generated names (pods,
   * namespaces numbered in sequence) otherwise collide so often that the graph's hash maps turn
   * their buckets into trees, measured at 50 000 pods.
   */
  @Override
  public int hashCode() {
    int h = kind.ordinal();
    h = h * 0x9E3779B1 + (namespace == null ? 0 : namespace.hashCode());
    h = h * 0x9E3779B1 + name.hashCode();
    return h ^ (h >>> 15);
  }

  /** Written out: a record's own equals dispatches through method handles C1 does not inline. */
  @Override
  public boolean equals(Object other) {
    return other instanceof Asset a
        && kind == a.kind
        && Objects.equals(namespace, a.namespace)
        && Objects.equals(name, a.name);
  }

  @Override
  public String toString() {
    return id();
  }
}
