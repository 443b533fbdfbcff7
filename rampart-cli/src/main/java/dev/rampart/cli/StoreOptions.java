package dev.rampart.cli;

import dev.rampart.store.Database;
import dev.rampart.store.StoreException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which scan database to use: {@code --db}, then {@code RAMPART_DB}, then H2 in the home. */
final class StoreOptions {

  @Option(
      names = "--db",
      paramLabel = "URL",
      description =
          "the scan database: jdbc:postgresql://HOST/DB?user=U&password=P or jdbc:h2:...;"
              + " default: RAMPART_DB, else an H2 file under ~/.rampart/")
  String db;

  String url() {
    return Database.url(db, System.getenv(Database.ENV), Path.of(System.getProperty("user.home")));
  }

  /**
   * Opens (and migrates) the database.
   *
   * @throws InputException when it cannot be reached or migrated
   */
  Database open() {
    try {
      return Database.open(url());
    } catch (StoreException e) {
      throw new InputException(e.getMessage(), e);
    }
  }
}
