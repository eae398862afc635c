package io.tollgate.oauth.device;

class InMemoryDeviceCodeStoreTest extends DeviceCodeStoreContract {

    private final InMemoryDeviceCodeStore store = new InMemoryDeviceCodeStore();

    @Override
    protected DeviceCodeStore store() {
        return store;
    }
}
