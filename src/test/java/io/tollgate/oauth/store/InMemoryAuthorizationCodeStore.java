package io.tollgate.oauth.store;

import io.tollgate.oauth.model.AuthorizationCode;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Test fake of {@link AuthorizationCodeStore}. */
public final class InMemoryAuthorizationCodeStore implements AuthorizationCodeStore {

    private record Entry(AuthorizationCode code, Instant consumedAt, Instant replayedAt) {
    }

    private final Map<String, Entry> codes = new HashMap<>();

    @Override
    public synchronized void save(AuthorizationCode code) {
        if (codes.putIfAbsent(code.codeHash(), new Entry(code, null, null)) != null) {
            throw new IllegalStateException("duplicate code hash");
        }
    }

    @Override
    public synchronized Optional<AuthorizationCode> consume(String codeHash, Instant at) {
        Entry entry = codes.get(codeHash);
        if (entry == null || entry.consumedAt() != null) {
            return Optional.empty();
        }
        codes.put(codeHash, new Entry(entry.code(), at, null));
        return Optional.of(entry.code());
    }

    @Override
    public synchronized Optional<AuthorizationCode> findConsumed(String codeHash) {
        Entry entry = codes.get(codeHash);
        return entry == null || entry.consumedAt() == null ? Optional.empty() : Optional.of(entry.code());
    }

    @Override
    public synchronized Optional<AuthorizationCode> markReplayed(String codeHash, Instant at) {
        Entry entry = codes.get(codeHash);
        if (entry == null || entry.consumedAt() == null) {
            return Optional.empty();
        }
        if (entry.replayedAt() == null) {
            codes.put(codeHash, new Entry(entry.code(), entry.consumedAt(), at));
        }
        return Optional.of(entry.code());
    }

    @Override
    public synchronized boolean isReplayed(String codeHash) {
        Entry entry = codes.get(codeHash);
        return entry != null && entry.replayedAt() != null;
    }
}
