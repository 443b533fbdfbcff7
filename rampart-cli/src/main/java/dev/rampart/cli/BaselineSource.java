package dev.rampart.cli;

import dev.rampart.store.Database;
import dev.rampart.store.ReportDocument;
import dev.rampart.store.ScanStore;
import dev.rampart.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * What {@code --baseline} names: a JSON report written by {@code rampart scan -f json}, or the id
 * of a stored scan. A file wins when both could be meant: {@code --baseline 12} with a file named
 * {@code 12} in the working directory reads the file.
 */
final class BaselineSource {

  private final String value;
  private final StoreOptions database;

  BaselineSource(String value, StoreOptions database) {
    this.value = value;
    this.database = database;
  }

  /** The fingerprints of the baseline's findings and how to name it in a report. */
  record Loaded(String description, Set<String> findingIds) {}

  Loaded load() {
    Path file = Path.of(value);
    if (Files.isRegularFile(file)) {
      return fromFile(file);
    }
    if (value.matches("[0-9]{1,18}")) {
      return fromStore(Long.parseLong(value));
    }
    throw new UsageException(
        "--baseline: " + value + " is neither a file nor the id of a stored scan");
  }

  private static Loaded fromFile(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return new Loaded("file " + file, ReportDocument.findingIds(in));
    } catch (IOException e) {
      throw new InputException(file + ": cannot read the baseline: " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--baseline " + file + ": " + e.getMessage());
    }
  }

  private Loaded fromStore(long id) {
    try (Database db = database.open()) {
      Set<String> ids =
          new ScanStore(db.dataSource())
              .findingIds(id)
              .orElseThrow(() -> new UsageException("--baseline: there is no stored scan " + id));
      return new Loaded("stored scan " + id, ids);
    } catch (StoreException e) {
      throw new InputException(e.getMessage(), e);
    }
  }
}
