package dev.rampart.server;

import dev.rampart.checks.BuiltInChecks;
import dev.rampart.checks.Severity;
import dev.rampart.config.ConfigLoader;
import dev.rampart.config.RampartConfig;
import dev.rampart.scan.ScanOptions;
import dev.rampart.scan.ScanResult;
import dev.rampart.scan.Scanner;
import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Origin;
import dev.rampart.snapshot.Snapshot;
import dev.rampart.store.Database;
import dev.rampart.store.NewScan;
import dev.rampart.store.ScanStore;
import dev.rampart.store.TestDatabase;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Times storing a scan of 50 000 pods (500 namespaces of 100 pods, a LoadBalancer per namespace, an
 * asset group over 10 namespaces) and the requests the dashboard's overview makes, on H2 and, when
 * RAMPART_TEST_PG_URL is set, PostgreSQL. Runs only on request:
 *
 * <pre>
 * mvn -pl rampart-server -am test -Dgroups=bench -Dbench.excluded=none -Dtest=StoreBenchmark \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dtest.maxHeap=4g
 * </pre>
 */
@Tag("bench")
class StoreBenchmark {

  private static final int NAMESPACES = Integer.getInteger("bench.namespaces", 500);
  private static final int PODS_PER_NAMESPACE = 100;
  private static final List<String> OVERVIEW =
      List.of(
          "/api/v1/scans",
          "/api/v1/scans/ID",
          "/api/v1/trend",
          "/api/v1/groups",
          "/api/v1/scans/ID/findings?limit=50",
          "/api/v1/scans/ID/paths",
          "/api/v1/scans/ID/findings?severity=critical,high&limit=50",
          "/api/v1/scans/ID/findings?q=ns-42/pod-7&limit=50",
          "/api/v1/scans/ID/findings?group=crown&limit=50");

  @Test
  void storeAndServeAScanOf50000Pods() throws Exception {
    RampartConfig config = config();
    Snapshot snapshot = generate();
    long t0 = System.nanoTime();
    Scanner scanner = new Scanner(BuiltInChecks.all(), config, "bench.yaml");
    ScanResult result =
        scanner.scan(snapshot, new ScanOptions(List.of(), Severity.INFO, Instant.now()));
    NewScan scan = NewScan.of(result, scanner.catalog(), "bench", snapshot, config.assetGroups());
    System.out.printf(
        Locale.ROOT,
        "scan: %d objects, %d findings, %d attack paths in %d ms%n",
        snapshot.objects().size(),
        result.findings().size(),
        result.attackPaths().size(),
        (System.nanoTime() - t0) / 1_000_000);

    Path dir = Files.createTempDirectory("rampart-bench");
    String h2 = "jdbc:h2:file:" + dir.resolve("bench") + ";MODE=PostgreSQL";
    if (!Boolean.getBoolean("bench.skipH2")) {
      run("H2 file", h2, scan);
    }
    if (System.getenv(TestDatabase.PG_ENV) != null) {
      try (TestDatabase pg = TestDatabase.postgres()) {
        run("PostgreSQL", pg.url(), scan);
      }
    }
  }

  private static void run(String name, String url, NewScan scan) {
    try (Database db = Database.open(url)) {
      ScanStore store = new ScanStore(db.dataSource());
      long id = 0;
      for (int i = 0; i < 2; i++) {
        long t0 = System.nanoTime();
        id = store.save(scan);
        System.out.printf(
            Locale.ROOT, "%s: save %d in %d ms%n", name, id, (System.nanoTime() - t0) / 1_000_000);
      }
      try (RampartServer server =
          RampartServer.create(store, null, new ServerOptions("127.0.0.1", 0, null)).start()) {
        Http http = new Http(server.port(), null);
        for (int round = 0; round < 3; round++) {
          long total = 0;
          Map<String, String> times = new LinkedHashMap<>();
          for (String path : OVERVIEW) {
            long t0 = System.nanoTime();
            Http.Response r = http.get(path.replace("ID", Long.toString(id)));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            total += ms;
            times.put(path, ms + " ms, " + r.body().length() / 1024 + " KiB, " + r.status());
          }
          System.out.printf(Locale.ROOT, "%s: round %d, %d ms in all%n", name, round, total);
          times.forEach((p, t) -> System.out.printf(Locale.ROOT, "  %-60s %s%n", p, t));
        }
      }
      if (url.startsWith("jdbc:postgresql:")) {
        explain(db, id);
      }
    }
  }

  /** PostgreSQL's plans of the findings list's queries, as the store sends them, with timings. */
  private static void explain(Database db, long id) {
    String scan = "FROM finding f WHERE f.scan_id = " + id;
    String group =
        " AND EXISTS (SELECT 1 FROM finding_group g WHERE g.scan_id = f.scan_id"
            + " AND g.position = f.position AND g.group_name IN ('crown'))";
    List<String> queries =
        List.of(
            "SELECT f.body_hash " + scan + " ORDER BY f.position LIMIT 50 OFFSET 0",
            "SELECT f.body_hash " + scan + " ORDER BY f.position LIMIT 50 OFFSET 50000",
            "SELECT COUNT(*) " + scan + " AND f.severity IN ('critical', 'high')",
            "SELECT f.body_hash "
                + scan
                + " AND f.severity IN ('critical', 'high') ORDER BY f.position LIMIT 50",
            "SELECT COUNT(*) " + scan + group,
            "SELECT f.body_hash " + scan + group + " ORDER BY f.position LIMIT 50",
            "SELECT COUNT(*) " + scan + " AND f.search_text LIKE '%ns-42/pod-7%'",
            "SELECT f.body_hash " + scan + " ORDER BY f.severity_rank, f.position LIMIT 50");
    try (java.sql.Connection c = db.dataSource().getConnection();
        java.sql.Statement s = c.createStatement()) {
      for (String q : queries) {
        System.out.println("EXPLAIN ANALYZE " + q);
        try (java.sql.ResultSet rs = s.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + q)) {
          while (rs.next()) {
            System.out.println("  " + rs.getString(1));
          }
        }
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static RampartConfig config() throws Exception {
    Set<String> ids =
        BuiltInChecks.all().stream().map(c -> c.descriptor().id()).collect(Collectors.toSet());
    String namespaces =
        java.util.stream.IntStream.range(0, 10)
            .mapToObj(i -> "ns-" + i)
            .collect(Collectors.joining(", "));
    return new ConfigLoader()
        .load(
            "bench.yaml",
            """
            apiVersion: rampart.dev/v1
            kind: Config
            cluster: bench
            assetGroups:
              - name: crown
                criticality: critical
                match: {namespaces: [%s]}
            """
                .formatted(namespaces),
            ids);
  }

  private static Snapshot generate() {
    List<KubeObject> objects = new ArrayList<>();
    for (int n = 0; n < NAMESPACES; n++) {
      String ns = "ns-" + n;
      objects.add(
          new KubeObject(
              new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build(),
              Origin.UNKNOWN));
      objects.add(
          new KubeObject(
              new ServiceBuilder()
                  .withNewMetadata()
                  .withName("web")
                  .withNamespace(ns)
                  .endMetadata()
                  .withNewSpec()
                  .withType("LoadBalancer")
                  .withSelector(Map.of("app", "web"))
                  .endSpec()
                  .build(),
              Origin.UNKNOWN));
      for (int p = 0; p < PODS_PER_NAMESPACE; p++) {
        objects.add(
            new KubeObject(
                new PodBuilder()
                    .withNewMetadata()
                    .withName("pod-" + p)
                    .withNamespace(ns)
                    .withLabels(Map.of("app", p < 10 ? "web" : "app-" + p))
                    .endMetadata()
                    .withNewSpec()
                    .addNewContainer()
                    .withName("main")
                    .withImage("registry.example/app:1")
                    .withNewSecurityContext()
                    .withPrivileged(p == 5)
                    .endSecurityContext()
                    .endContainer()
                    .endSpec()
                    .build(),
                Origin.UNKNOWN));
      }
    }
    return new Snapshot("synthetic", objects, List.of());
  }
}
