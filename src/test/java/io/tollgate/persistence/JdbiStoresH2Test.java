package io.tollgate.persistence;

import io.tollgate.testing.TestDatabase;

class JdbiStoresH2Test extends StoreContract {
    @Override
    TestDatabase newDatabase() {
        return TestDatabase.h2("stores");
    }
}
