package dev.rampart.graph;

import java.util.Objects;

/**
 * A node of the asset graph: the internet, an identity, a workload, a secret, a node, the cluster
 * itself ("cluster-admin").
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
    WORKLOAD("Workload"),
    SECRET("Secret"),
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
      case WORKLOAD -> namespace == null ? name : workloadKind() + "/" + namespace + "/" + rest();
      default -> kind.spelling + "/" + (namespace == null ? "" : namespace + "/") + name;
    };
  }

  /** A workload's name is {@code Kind/name}, so that a Deployment and a Pod never collide. */
  static Asset workload(String objectKind, String namespace, String name) {
    return new Asset(Kind.WORKLOAD, namespace, objectKind + "/" + name);
  }

  String workloadKind() {
    return name.substring(0, name.indexOf('/'));
  }

  private String rest() {
    return name.substring(name.indexOf('/') + 1);
  }

  @Override
  public String toString() {
    return id();
  }
}
