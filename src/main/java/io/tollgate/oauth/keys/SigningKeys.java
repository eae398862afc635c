package io.tollgate.oauth.keys;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The signing keys every node shares: which key signs now, which public keys are published, and rotation.
 * Keys are loaded from the store and trusted for {@code reloadEvery}; a rotation here is seen at once.
 */
public final class SigningKeys {
    private final SigningKeyStore store;
    private final PrivateKeySealer sealer;
    private final SigningKeySettings settings;
    private final Clock clock;
    private volatile Snapshot snapshot;

    public SigningKeys(SigningKeyStore store, PrivateKeySealer sealer, SigningKeySettings settings, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.sealer = Objects.requireNonNull(sealer, "sealer");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * At start: creates the first current and next keys when none exist, then opens the current one, so a wrong
     * key-encryption key stops the start instead of the first token request.
     */
    public ActiveSigningKey ensureUsable() {
        if (find(store.all(), KeyState.CURRENT).isEmpty()) {
            Instant now = clock.instant();
            // Two RSA keys take a cold JVM most of a second each: the next one is made on another core meanwhile.
            CompletableFuture<SealedSigningKey> next = CompletableFuture.supplyAsync(() -> generate(KeyState.NEXT, now));
            SealedSigningKey current = generate(KeyState.CURRENT, now);
            // false: another node created them at the same moment; theirs are as good.
            store.createInitial(current, joined(next));
        }
        snapshot = null;
        return current();
    }

    /** The key to sign with. */
    public ActiveSigningKey current() {
        return load().current().orElseThrow(() -> new IllegalStateException(
                "No current signing key: run `rotatekeys` or restart the server to create one"));
    }

    /** The public keys relying parties verify with: current, next, and retired ones until their tokens expired. */
    public JWKSet published() {
        Instant now = clock.instant();
        Snapshot loaded = load();
        List<JWK> keys = new ArrayList<>();
        for (int i = 0; i < loaded.stored().size(); i++) {
            if (loaded.stored().get(i).publishedAt(now)) {
                keys.add(loaded.publicKeys().get(i));
            }
        }
        return new JWKSet(keys);
    }

    /**
     * The JWS algorithms tokens may be signed with from now until the next rotation: the current key's, and the
     * configured one (a rotation makes a key of that algorithm current). With ES256 configured and an ES256 key,
     * that is ES256 alone, so discovery never promises RS256 the server will not sign with.
     */
    public List<String> signingAlgorithms() {
        java.util.EnumSet<SigningAlgorithm> algorithms = java.util.EnumSet.of(settings.algorithm());
        load().current().ifPresent(key -> algorithms.add(key.algorithm()));
        return algorithms.stream().map(SigningAlgorithm::name).toList();
    }

    /** The current key's age, or empty when there is none; reads the store, for the health check. */
    public Optional<Duration> currentKeyAge() {
        return find(store.all(), KeyState.CURRENT)
                .map(key -> Duration.between(key.activated() == null ? key.created() : key.activated(), clock.instant()));
    }

    public SigningKeySettings settings() {
        return settings;
    }

    /**
     * Retires the current key (published until every token it signed has expired), promotes the next one
     * (published since the previous rotation, so verifiers already know it) and publishes a fresh next key.
     *
     * @throws ConcurrentRotationException when another node rotated at the same moment (nothing changed here)
     */
    public RotationReport rotate() {
        List<SealedSigningKey> all = store.all();
        Optional<SealedSigningKey> current = find(all, KeyState.CURRENT);
        Instant now = clock.instant();
        if (current.isEmpty()) {
            ActiveSigningKey created = ensureUsable();
            return new RotationReport(null, null, created.kid(), find(store.all(), KeyState.NEXT)
                    .map(SealedSigningKey::kid).orElse(null));
        }
        Optional<SealedSigningKey> next = find(all, KeyState.NEXT)
                .filter(key -> key.algorithm() == settings.algorithm());
        SealedSigningKey newCurrent = next.isPresent() ? null : generate(KeyState.CURRENT, now);
        SealedSigningKey newNext = generate(KeyState.NEXT, now);
        Instant verifyUntil = settings.verifyUntil(now);
        Rotation rotation = new Rotation(current.get().kid(), now, verifyUntil,
                next.map(SealedSigningKey::kid).orElse(null), newCurrent, newNext);
        if (!store.rotate(rotation)) {
            throw new ConcurrentRotationException();
        }
        snapshot = null;
        String currentKid = next.map(SealedSigningKey::kid).orElseGet(() -> newCurrent.kid());
        return new RotationReport(current.get().kid(), verifyUntil, currentKid, newNext.kid());
    }

    private static SealedSigningKey joined(CompletableFuture<SealedSigningKey> key) {
        try {
            return key.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private SealedSigningKey generate(KeyState state, Instant now) {
        JWK key = settings.algorithm().generate();
        return new SealedSigningKey(key.getKeyID(), settings.algorithm(), state, key.toPublicJWK().toJSONString(),
                sealer.seal(key), now, state == KeyState.CURRENT ? now : null, null, null);
    }

    private Snapshot load() {
        Snapshot loaded = snapshot;
        Instant now = clock.instant();
        if (loaded == null || !now.isBefore(loaded.loadedAt().plus(settings.reloadEvery()))) {
            loaded = Snapshot.of(store.all(), sealer, now);
            snapshot = loaded;
        }
        return loaded;
    }

    private static Optional<SealedSigningKey> find(List<SealedSigningKey> keys, KeyState state) {
        return keys.stream().filter(key -> key.state() == state).findFirst();
    }

    /** Keys as loaded at one instant: the stored rows, their parsed public keys (same order), the open current. */
    private record Snapshot(List<SealedSigningKey> stored, List<JWK> publicKeys, Optional<ActiveSigningKey> current,
                            Instant loadedAt) {
        static Snapshot of(List<SealedSigningKey> stored, PrivateKeySealer sealer, Instant now) {
            List<JWK> publicKeys = new ArrayList<>();
            for (SealedSigningKey key : stored) {
                try {
                    publicKeys.add(JWK.parse(key.publicJwk()));
                } catch (ParseException e) {
                    throw new IllegalStateException("Stored public key " + key.kid() + " is not a JWK", e);
                }
            }
            Optional<ActiveSigningKey> current = find(stored, KeyState.CURRENT).map(key -> new ActiveSigningKey(
                    key.kid(), key.algorithm(), sealer.open(key.kid(), key.sealedPrivateJwk()),
                    key.activated() == null ? key.created() : key.activated()));
            return new Snapshot(List.copyOf(stored), List.copyOf(publicKeys), current, now);
        }
    }
}
