package dev.rampart.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The scan database: a connection pool on a JDBC URL, migrated to the current schema when opened.
 * PostgreSQL for teams and fleets; otherwise an embedded H2 file in the user's home directory.
 */
public final class Database implements AutoCloseable {

  /** Where the JDBC URL can also come from when {@code --db} is not given. */
  public static final String ENV = "RAMPART_DB";

  private final HikariDataSource pool;

  private Database(HikariDataSource pool) {
    this.pool = pool;
  }

  /**
   * Opens the database and applies the migrations it lacks.
   *
   * @throws StoreException when it cannot be reached or migrated
   */
  public static Database open(String url) {
    if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
      throw new StoreException(
          "unsupported database URL (expected jdbc:postgresql://... or jdbc:h2:...): "
              + redact(url));
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setPoolName("rampart-store");
    config.setMaximumPoolSize(4);
    if (url.startsWith("jdbc:postgresql:") && !url.contains("reWriteBatchedInserts")) {
      // A batch of inserts goes as multi-row INSERTs, not one statement per row: storing a scan
      // of hundreds of thousands of findings is several times faster.
      config.addDataSourceProperty("reWriteBatchedInserts", "true");
    }
    // Fail fast with our own message rather than Hikari's 30 s wait for an unreachable server.
    config.setConnectionTimeout(10_000);
    config.setInitializationFailTimeout(10_000);
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new StoreException("cannot open the database " + redact(url) + ": " + rootCause(e), e);
    }
    try {
      Flyway.configure()
          .dataSource(pool)
          .locations("classpath:db/migration")
          .javaMigrations(new V2__FindingGroupRefersToScan())
          .load()
          .migrate();
    } catch (RuntimeException e) {
      pool.close();
      throw new StoreException(
          "cannot migrate the database " + redact(url) + ": " + rootCause(e), e);
    }
    return new Database(pool);
  }

  /**
   * The URL to use: {@code --db} if given, then {@code RAMPART_DB}, then an H2 file under {@code
   * ~/.rampart/}. PostgreSQL mode keeps H2 close to the production dialect; AUTO_SERVER lets a
   * {@code rampart scan --store} write while {@code rampart serve} holds the file open.
   */
  public static String url(String option, String env, Path home) {
    if (option != null && !option.isBlank()) {
      return option;
    }
    if (env != null && !env.isBlank()) {
      return env;
    }
    Path file = home.resolve(".rampart").resolve("rampart");
    return "jdbc:h2:file:" + file + ";MODE=PostgreSQL;AUTO_SERVER=TRUE";
  }

  public DataSource dataSource() {
    return pool;
  }

  @Override
  public void close() {
    pool.close();
  }

  /** A URL may carry a password ({@code ?password=}): never print it. */
  static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }

  private static String rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : redact(t.getMessage());
  }
}
