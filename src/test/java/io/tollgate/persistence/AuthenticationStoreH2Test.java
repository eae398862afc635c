package io.tollgate.persistence;

import io.tollgate.testing.TestDatabase;

class AuthenticationStoreH2Test extends AuthenticationStoreContract {
    @Override
    TestDatabase newDatabase() {
        return TestDatabase.h2("oidcauth");
    }
}
