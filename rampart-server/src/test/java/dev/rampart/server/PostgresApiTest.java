package dev.rampart.server;

import dev.rampart.store.TestDatabase;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

@EnabledIfEnvironmentVariable(
    named = TestDatabase.PG_ENV,
    matches = ".+",
    disabledReason = TestDatabase.PG_SKIPPED)
class PostgresApiTest extends ApiContract {

  @Override
  TestDatabase open() {
    return TestDatabase.postgres();
  }
}
