package dev.rampart.store;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Version 2 (named as Flyway reads versions from class names): a finding's group rows refer to the
 * scan, not to the finding row. PostgreSQL checks a foreign key with a plan it keeps for the
 * connection; planned while the finding table was small, it scanned the whole table for every group
 * row, and storing the 16 000 group rows of an 80 000 finding scan took 28 s of a 33 s save. The
 * scan is one row; the rows still go with their scan. Java because the constraint's name is the
 * database's own (PostgreSQL and H2 name it differently).
 */
final class V2__FindingGroupRefersToScan extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws SQLException {
    Connection c = context.getConnection();
    List<String> names = new ArrayList<>();
    DatabaseMetaData meta = c.getMetaData();
    String schema = c.getSchema();
    for (String table : List.of("finding_group", "FINDING_GROUP")) {
      try (ResultSet keys = meta.getImportedKeys(null, schema, table)) {
        while (keys.next()) {
          if (keys.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT).equals("finding")
              && !names.contains(keys.getString("FK_NAME"))) {
            names.add(keys.getString("FK_NAME"));
          }
        }
      }
    }
    try (Statement s = c.createStatement()) {
      for (String name : names) {
        s.execute("ALTER TABLE finding_group DROP CONSTRAINT \"" + name + "\"");
      }
      s.execute(
          "ALTER TABLE finding_group ADD CONSTRAINT finding_group_scan"
              + " FOREIGN KEY (scan_id) REFERENCES scan (id) ON DELETE CASCADE");
    }
  }
}
