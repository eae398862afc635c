package io.tollgate.persistence;

import io.tollgate.testing.RequiresPostgres;
import io.tollgate.testing.TestDatabase;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RequiresPostgres.class)
class JdbiStoresPostgresTest extends StoreContract {
    @Override
    TestDatabase newDatabase() {
        return TestDatabase.postgres("stores");
    }
}
