package dev.rampart.cli;

import dev.rampart.checks.BuiltInChecks;
import dev.rampart.checks.Check;
import dev.rampart.config.ConfigException;
import dev.rampart.config.ConfigLoader;
import dev.rampart.config.RampartConfig;
import dev.rampart.data.DataStore;
import dev.rampart.scan.ScanOptions;
import dev.rampart.scan.ScanResult;
import dev.rampart.scan.Scanner;
import dev.rampart.scan.Timings;
import dev.rampart.snapshot.Snapshot;
import dev.rampart.source.demo.DemoCluster;
import dev.rampart.store.NewScan;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One scan as {@code scan} and {@code serve} run it: the catalog, the configuration, the inventory
 * of the source options, the version data.
 */
final class Scanning {

  private final SourceOptions source;
  private final List<String> paths;
  private final Path config;

  Scanning(SourceOptions source, List<String> paths, Path config) {
    this.source = source;
    this.paths = List.copyOf(paths);
    this.config = config;
  }

  /** What a scan produced, with what the store needs besides the report. */
  record Outcome(Scanner scanner, ScanResult result, Snapshot snapshot, RampartConfig config) {

    NewScan toStore() {
      return NewScan.of(
          result, scanner.catalog(), Version.current(), snapshot, config.assetGroups());
    }
  }

  /**
   * Loads the configuration only: {@code serve} checks it at start, before the first scan.
   *
   * @throws UsageException when the configuration is invalid
   */
  RampartConfig loadConfig() {
    List<Check> catalog = BuiltInChecks.all();
    Set<String> ids = catalog.stream().map(c -> c.descriptor().id()).collect(Collectors.toSet());
    ConfigLoader loader = new ConfigLoader();
    try {
      if (config != null) {
        return loader.load(config, ids);
      }
      return source.demo
          ? loader.load(configName(), DemoCluster.config(), ids)
          : RampartConfig.EMPTY;
    } catch (ConfigException e) {
      throw new UsageException(e.getMessage());
    }
  }

  Outcome run(ScanOptions options, PrintWriter err) {
    return run(options, err, new Timings());
  }

  /** The same, charging reading to the stage {@code parse} of {@code laps}, and the scan's own. */
  Outcome run(ScanOptions options, PrintWriter err, Timings laps) {
    RampartConfig rampartConfig = loadConfig();
    laps.restart();
    Snapshot snapshot = source.read(paths, options.namespaces(), err);
    laps.lap("parse");
    DataStore.Active versions = DataStore.defaults().active();
    versions.warnings().forEach(w -> err.println("rampart: warning: " + w));
    Scanner scanner =
        new Scanner(
            BuiltInChecks.all(),
            rampartConfig,
            config != null ? config.toString() : configName(),
            versions.data());
    return new Outcome(scanner, scanner.scan(snapshot, options, laps), snapshot, rampartConfig);
  }

  /** A scan of everything, now: what {@code serve} stores. */
  Outcome runAll(PrintWriter err) {
    return run(new ScanOptions(List.of(), dev.rampart.checks.Severity.INFO, Instant.now()), err);
  }

  private String configName() {
    return source.demo ? "demo/rampart.yaml" : "rampart.yaml";
  }
}
