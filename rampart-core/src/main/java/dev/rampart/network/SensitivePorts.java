package dev.rampart.network;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Ports whose service an attacker should never reach from outside its few clients: the Kubernetes
 * control plane and node agents, databases, caches, message brokers and the Docker API. Ports that
 * many applications share by convention (3000, 8080, 9090) are left out: they name no service.
 */
public final class SensitivePorts {

  private static final Map<Integer, String> TCP =
      Map.ofEntries(
          Map.entry(2379, "etcd client API"),
          Map.entry(2380, "etcd peer API"),
          Map.entry(6443, "Kubernetes API server"),
          Map.entry(10250, "kubelet API"),
          Map.entry(10255, "kubelet read-only API"),
          Map.entry(10257, "kube-controller-manager"),
          Map.entry(10259, "kube-scheduler"),
          Map.entry(4194, "cAdvisor"),
          Map.entry(2375, "Docker API (plain)"),
          Map.entry(2376, "Docker API"),
          Map.entry(5432, "PostgreSQL"),
          Map.entry(3306, "MySQL"),
          Map.entry(1433, "SQL Server"),
          Map.entry(1521, "Oracle Database"),
          Map.entry(27017, "MongoDB"),
          Map.entry(27018, "MongoDB"),
          Map.entry(27019, "MongoDB"),
          Map.entry(6379, "Redis"),
          Map.entry(26379, "Redis Sentinel"),
          Map.entry(11211, "Memcached"),
          Map.entry(9200, "Elasticsearch"),
          Map.entry(9300, "Elasticsearch transport"),
          Map.entry(9042, "Cassandra"),
          Map.entry(5984, "CouchDB"),
          Map.entry(8086, "InfluxDB"),
          Map.entry(7687, "Neo4j Bolt"),
          Map.entry(9092, "Kafka"),
          Map.entry(2181, "ZooKeeper"),
          Map.entry(5672, "RabbitMQ (AMQP)"),
          Map.entry(15672, "RabbitMQ management"),
          Map.entry(4369, "Erlang port mapper (RabbitMQ)"),
          Map.entry(8500, "Consul HTTP API"));

  /**
   * Ports of node and control-plane components, which other software reuses (metrics-server serves
   * on 10250): they count only when the workload runs the component, by the word its image or
   * container name carries.
   */
  private static final Map<Integer, String> COMPONENT =
      Map.of(
          2379, "etcd",
          2380, "etcd",
          6443, "apiserver",
          10250, "kubelet",
          10255, "kubelet",
          10257, "controller-manager",
          10259, "scheduler",
          4194, "cadvisor");

  private SensitivePorts() {}

  /**
   * The service usually behind {@code protocol}/{@code port}, when it is a sensitive one.
   *
   * @param software the images and container names of the workload, to tell a control-plane
   *     component from other software on the same port
   */
  public static Optional<String> service(Protocol protocol, int port, String software) {
    if (protocol != Protocol.TCP) {
      return Optional.empty();
    }
    String component = COMPONENT.get(port);
    if (component != null && !software.toLowerCase(Locale.ROOT).contains(component)) {
      return Optional.empty();
    }
    return Optional.ofNullable(TCP.get(port));
  }
}
