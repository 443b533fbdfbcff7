package dev.rampart.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh, empty database for one test class: an in-memory H2, or a schema of its own in the
 * PostgreSQL server of {@code RAMPART_TEST_PG_URL} (dropped afterwards), so that runs never see
 * each other's scans.
 */
public final class TestDatabase implements AutoCloseable {

  public static final String PG_ENV = "RAMPART_TEST_PG_URL";
  public static final String PG_SKIPPED =
      "RAMPART_TEST_PG_URL is not set: the PostgreSQL run of the store and API suites is skipped"
          + " (.ci/run starts a server and sets it)";

  private final String url;
  private final String pgSchema;
  private final Database database;

  private TestDatabase(String url, String pgSchema) {
    this.url = url;
    this.pgSchema = pgSchema;
    this.database = Database.open(url);
  }

  public static TestDatabase h2() {
    return new TestDatabase(
        "jdbc:h2:mem:test-" + UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1", null);
  }

  public static TestDatabase postgres() {
    String base = System.getenv(PG_ENV);
    String schema = "rampart_test_" + UUID.randomUUID().toString().replace("-", "");
    execute(base, "CREATE SCHEMA " + schema);
    String separator = base.contains("?") ? "&" : "?";
    return new TestDatabase(base + separator + "currentSchema=" + schema, schema);
  }

  public Database database() {
    return database;
  }

  public String url() {
    return url;
  }

  @Override
  public void close() {
    database.close();
    if (pgSchema != null) {
      execute(System.getenv(PG_ENV), "DROP SCHEMA " + pgSchema + " CASCADE");
    }
  }

  private static void execute(String url, String sql) {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot run '" + sql + "' on the test PostgreSQL", e);
    }
  }
}
