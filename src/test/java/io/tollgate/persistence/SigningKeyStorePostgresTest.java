package io.tollgate.persistence;

import io.tollgate.testing.RequiresPostgres;
import io.tollgate.testing.TestDatabase;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RequiresPostgres.class)
class SigningKeyStorePostgresTest extends SigningKeyStoreContract {
    @Override
    TestDatabase newDatabase() {
        return TestDatabase.postgres("signingkeys");
    }
}
