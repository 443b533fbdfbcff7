package dev.rampart.store;

class H2StoreTest extends StoreContract {

  @Override
  TestDatabase open() {
    return TestDatabase.h2();
  }
}
