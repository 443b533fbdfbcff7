package dev.rampart.server;

import dev.rampart.store.TestDatabase;

class H2ApiTest extends ApiContract {

  @Override
  TestDatabase open() {
    return TestDatabase.h2();
  }
}
