package io.tollgate.persistence;

import io.tollgate.testing.TestDatabase;

class SigningKeyStoreH2Test extends SigningKeyStoreContract {
    @Override
    TestDatabase newDatabase() {
        return TestDatabase.h2("signingkeys");
    }
}
