package io.tollgate.oauth.store;

class InMemoryAuthorizationCodeStoreTest extends AuthorizationCodeStoreContract {

    private final InMemoryAuthorizationCodeStore store = new InMemoryAuthorizationCodeStore();

    @Override
    protected AuthorizationCodeStore store() {
        return store;
    }
}
