package io.tollgate.persistence;

import io.tollgate.testing.RequiresPostgres;
import io.tollgate.testing.TestDatabase;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RequiresPostgres.class)
class AuthenticationStorePostgresTest extends AuthenticationStoreContract {
    @Override
    TestDatabase newDatabase() {
        return TestDatabase.postgres("oidcauth");
    }
}
