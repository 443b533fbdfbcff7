package dev.rampart.server.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rampart.checks.BuiltInChecks;
import dev.rampart.checks.Check;
import dev.rampart.config.ConfigLoader;
import dev.rampart.config.RampartConfig;
import dev.rampart.scan.ScanOptions;
import dev.rampart.scan.ScanResult;
import dev.rampart.scan.Scanner;
import dev.rampart.server.RampartServer;
import dev.rampart.server.ServerOptions;
import dev.rampart.snapshot.Snapshot;
import dev.rampart.source.demo.DemoCluster;
import dev.rampart.source.file.ManifestReader;
import dev.rampart.store.Database;
import dev.rampart.store.NewScan;
import dev.rampart.store.ScanStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The real server on a random port, over an H2 database in a temporary folder. */
final class DashboardServer implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Database database;
  private final RampartServer server;
  final ScanStore store;
  final String base;
  private final String token;

  DashboardServer(Path dir, String token) {
    database = Database.open("jdbc:h2:file:" + dir.resolve("rampart") + ";MODE=PostgreSQL");
    store = new ScanStore(database.dataSource());
    server = RampartServer.create(store, null, new ServerOptions("127.0.0.1", 0, token)).start();
    base = "http://127.0.0.1:" + server.port();
    this.token = token;
  }

  /** Scans the bundled demo cluster with its rampart.yaml and stores it; returns the scan id. */
  long saveDemo() {
    return store.save(scan(DemoCluster.load(), "demo/rampart.yaml", DemoCluster.config()));
  }

  /** Scans manifests and a rampart.yaml from the test resources and stores them. */
  long saveResources(String manifests, String config) {
    ManifestReader.Result read;
    try (InputStream in = resource(manifests)) {
      read = new ManifestReader().read(manifests, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String configText;
    try (InputStream in = resource(config)) {
      configText = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return store.save(
        scan(new Snapshot(manifests, read.objects(), read.problems()), config, configText));
  }

  /** A scan of manifests read from a file, with no rampart.yaml, as {@code rampart scan FILE}. */
  static NewScan scanFile(java.nio.file.Path file) {
    ManifestReader.Result read =
        new ManifestReader().read(List.of(file.toString()), InputStream.nullInputStream());
    return scan(
        new Snapshot(file.toString(), read.objects(), read.problems()),
        "rampart.yaml",
        "apiVersion: rampart.dev/v1\nkind: Config\n");
  }

  private static NewScan scan(Snapshot snapshot, String configName, String configText) {
    List<Check> catalog = BuiltInChecks.all();
    Set<String> ids = catalog.stream().map(c -> c.descriptor().id()).collect(Collectors.toSet());
    RampartConfig config;
    try {
      config = new ConfigLoader().load(configName, configText, ids);
    } catch (Exception e) {
      throw new IllegalStateException("bad test configuration " + configName, e);
    }
    Scanner scanner = new Scanner(catalog, config, configName);
    ScanResult result = scanner.scan(snapshot, ScanOptions.defaults());
    return NewScan.of(result, scanner.catalog(), "test", snapshot, config.assetGroups());
  }

  private static InputStream resource(String name) {
    InputStream in = DashboardServer.class.getResourceAsStream("/hostile-cluster/" + name);
    if (in == null) {
      throw new IllegalStateException("missing test resource hostile-cluster/" + name);
    }
    return in;
  }

  /** What the REST API answers, to compare the page with: the page must show the same. */
  JsonNode api(String path) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/v1" + path));
      if (token != null) {
        request.header("Authorization", "Bearer " + token);
      }
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            path + ": " + response.statusCode() + " " + response.body());
      }
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.close();
    database.close();
  }
}
