package dev.rampart.cli;

import dev.rampart.server.RampartServer;
import dev.rampart.server.ScanQueue;
import dev.rampart.server.ServerOptions;
import dev.rampart.server.Tokens;
import dev.rampart.store.Database;
import dev.rampart.store.ScanStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the dashboard and the REST API over the stored scans, and scan on request and",
      "on a schedule. Binds to 127.0.0.1; on any other address the API needs a bearer token."
    })
final class ServeCommand implements Callable<Integer> {

  /** Where the token can come from when {@code --token} is not given. */
  static final String TOKEN_ENV = "RAMPART_TOKEN";

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "PATH",
      arity = "0..*",
      description = "YAML/JSON manifests or directories to scan (default: the live cluster)")
  List<String> paths = new ArrayList<>();

  @Mixin SourceOptions source;

  @Mixin StoreOptions database;

  @Option(names = "--config", paramLabel = "FILE", description = "rampart.yaml")
  Path config;

  @Option(
      names = "--port",
      paramLabel = "P",
      defaultValue = "7433",
      description = "the port (default: ${DEFAULT-VALUE}; 0: any free port)")
  int port;

  @Option(
      names = "--bind",
      paramLabel = "ADDR",
      defaultValue = ServerOptions.DEFAULT_BIND,
      description = "the address to listen on (default: ${DEFAULT-VALUE})")
  String bind;

  @Option(
      names = "--token",
      paramLabel = "T",
      description =
          "the bearer token the API requires (default: RAMPART_TOKEN; generated and printed when"
              + " binding to a non-loopback address)")
  String token;

  @Option(
      names = "--every",
      paramLabel = "DURATION",
      description = "scan again every DURATION: 30m, 1h, 24h")
  String every;

  @Option(
      names = "--no-scan",
      description = "serve the stored scans only: no scan at start, on request or on a schedule")
  boolean noScan;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    Duration interval = every == null ? null : ClusterOptions.duration("--every", every);
    if (noScan && interval != null) {
      throw new UsageException("--every and --no-scan contradict each other");
    }
    String apiToken = token != null ? token : System.getenv(TOKEN_ENV);
    boolean generated = false;
    if ((apiToken == null || apiToken.isBlank()) && !ServerOptions.loopback(bind)) {
      apiToken = Tokens.generate();
      generated = true;
    }
    ServerOptions options = options(apiToken);
    Scanning scanning = new Scanning(source, paths, config);
    scanning.loadConfig();

    // Ctrl-C runs the shutdown hook: it lets this thread close the server, the scan worker and
    // the database (H2 then writes its file cleanly) before the JVM goes.
    CountDownLatch stopping = new CountDownLatch(1);
    CountDownLatch closed = new CountDownLatch(1);
    try (Database db = database.open();
        ScanQueue queue =
            noScan
                ? null
                : new ScanQueue(
                    () -> scanning.runAll(err).toStore(), new ScanStore(db.dataSource()), err);
        RampartServer server =
            RampartServer.create(new ScanStore(db.dataSource()), queue, options).start()) {
      Runtime.getRuntime().addShutdownHook(new Thread(() -> awaitClose(stopping, closed)));
      err.println("rampart: serving http://" + host(bind) + ":" + server.port() + "/");
      if (generated) {
        err.println("rampart: API token (send as 'Authorization: Bearer TOKEN'): " + apiToken);
      }
      err.flush();
      if (queue != null) {
        queue.submit();
        if (interval != null) {
          queue.every(interval);
        }
      }
      stopping.await();
    } finally {
      closed.countDown();
    }
    return ExitCode.OK.code();
  }

  private static void awaitClose(CountDownLatch stopping, CountDownLatch closed) {
    stopping.countDown();
    try {
      closed.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private ServerOptions options(String apiToken) {
    try {
      return new ServerOptions(bind, port, apiToken);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private static String host(String address) {
    return address.contains(":") ? "[" + address + "]" : address;
  }
}
