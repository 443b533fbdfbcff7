package dev.rampart.store;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

@EnabledIfEnvironmentVariable(
    named = TestDatabase.PG_ENV,
    matches = ".+",
    disabledReason = TestDatabase.PG_SKIPPED)
class PostgresStoreTest extends StoreContract {

  @Override
  TestDatabase open() {
    return TestDatabase.postgres();
  }
}
