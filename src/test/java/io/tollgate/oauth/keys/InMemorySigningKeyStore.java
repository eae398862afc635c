package io.tollgate.oauth.keys;

import java.util.ArrayList;
import java.util.List;

/** The signing-key port in memory, with the same one-current, one-next rule as the database. */
public final class InMemorySigningKeyStore implements SigningKeyStore {
    private final List<SealedSigningKey> keys = new ArrayList<>();

    @Override
    public synchronized List<SealedSigningKey> all() {
        return List.copyOf(keys);
    }

    @Override
    public synchronized boolean createInitial(SealedSigningKey current, SealedSigningKey next) {
        if (keys.stream().anyMatch(key -> key.state() == KeyState.CURRENT)) {
            return false;
        }
        keys.removeIf(key -> key.state() == KeyState.NEXT);
        keys.add(current);
        keys.add(next);
        return true;
    }

    @Override
    public synchronized boolean rotate(Rotation rotation) {
        int currentAt = indexOf(rotation.retireKid(), KeyState.CURRENT);
        if (currentAt < 0) {
            return false;
        }
        List<SealedSigningKey> after = new ArrayList<>(keys);
        SealedSigningKey old = after.get(currentAt);
        after.set(currentAt, new SealedSigningKey(old.kid(), old.algorithm(), KeyState.RETIRED, old.publicJwk(),
                old.sealedPrivateJwk(), old.created(), old.activated(), rotation.at(), rotation.retiredVerifyUntil()));
        if (rotation.promoteKid() != null) {
            int nextAt = indexOf(rotation.promoteKid(), KeyState.NEXT);
            if (nextAt < 0) {
                return false;
            }
            SealedSigningKey next = after.get(nextAt);
            after.set(nextAt, new SealedSigningKey(next.kid(), next.algorithm(), KeyState.CURRENT, next.publicJwk(),
                    next.sealedPrivateJwk(), next.created(), rotation.at(), null, null));
        } else {
            after.removeIf(key -> key.state() == KeyState.NEXT);
            after.add(rotation.newCurrent());
        }
        after.add(rotation.newNext());
        after.removeIf(key -> key.state() == KeyState.RETIRED && !rotation.at().isBefore(key.verifyUntil()));
        keys.clear();
        keys.addAll(after);
        return true;
    }

    private int indexOf(String kid, KeyState state) {
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).kid().equals(kid) && keys.get(i).state() == state) {
                return i;
            }
        }
        return -1;
    }
}
