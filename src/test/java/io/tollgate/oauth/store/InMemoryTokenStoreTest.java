package io.tollgate.oauth.store;

class InMemoryTokenStoreTest extends TokenStoreContract {

    private final InMemoryTokenStore store = new InMemoryTokenStore();

    @Override
    protected TokenStore store() {
        return store;
    }
}
