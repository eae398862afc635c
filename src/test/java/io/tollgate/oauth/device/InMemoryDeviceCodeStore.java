package io.tollgate.oauth.device;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Test fake of {@link DeviceCodeStore}; every method is atomic, as the conditional updates are in SQL. */
public final class InMemoryDeviceCodeStore implements DeviceCodeStore {

    private final Map<Long, DeviceCode> rows = new LinkedHashMap<>();
    private long nextId = 1;

    @Override
    public synchronized boolean insert(DeviceCode code) {
        boolean taken = rows.values().stream().anyMatch(row -> row.userCodeHash().equals(code.userCodeHash())
                || row.deviceCodeHash().equals(code.deviceCodeHash()));
        if (taken) {
            return false;
        }
        long id = nextId++;
        rows.put(id, copy(code, id, code.status(), code.userId(), code.interval(), code.lastPolled(),
                code.verificationCount()));
        return true;
    }

    @Override
    public synchronized Optional<DeviceCode> findByDeviceCode(String deviceCodeHash) {
        return rows.values().stream().filter(row -> row.deviceCodeHash().equals(deviceCodeHash)).findFirst();
    }

    @Override
    public synchronized Optional<DeviceCode> findByUserCode(String userCodeHash) {
        return rows.values().stream().filter(row -> row.userCodeHash().equals(userCodeHash)).findFirst();
    }

    @Override
    public synchronized boolean recordPoll(long id, Instant expectedLastPolled, Instant now) {
        DeviceCode row = rows.get(id);
        if (row == null || !Objects.equals(row.lastPolled(), expectedLastPolled)) {
            return false;
        }
        rows.put(id, copy(row, id, row.status(), row.userId(), row.interval(), now, row.verificationCount()));
        return true;
    }

    @Override
    public synchronized void slowDown(long id, Instant now, Duration by) {
        DeviceCode row = rows.get(id);
        if (row != null) {
            rows.put(id, copy(row, id, row.status(), row.userId(), row.interval().plus(by), now,
                    row.verificationCount()));
        }
    }

    @Override
    public synchronized boolean countVerification(long id, int max) {
        DeviceCode row = rows.get(id);
        if (row == null || row.verificationCount() >= max) {
            return false;
        }
        rows.put(id, copy(row, id, row.status(), row.userId(), row.interval(), row.lastPolled(),
                row.verificationCount() + 1));
        return true;
    }

    @Override
    public synchronized boolean decide(long id, DeviceCodeStatus decision, long userId, Instant now) {
        DeviceCode row = rows.get(id);
        if (row == null || row.status() != DeviceCodeStatus.PENDING || !now.isBefore(row.expires())) {
            return false;
        }
        rows.put(id, copy(row, id, decision, userId, row.interval(), row.lastPolled(), row.verificationCount()));
        return true;
    }

    @Override
    public synchronized boolean consume(long id, Instant now) {
        DeviceCode row = rows.get(id);
        if (row == null || row.status() != DeviceCodeStatus.APPROVED) {
            return false;
        }
        rows.put(id, copy(row, id, DeviceCodeStatus.CONSUMED, row.userId(), row.interval(), row.lastPolled(),
                row.verificationCount()));
        return true;
    }

    /** The only row, for tests that start one authorization. */
    public synchronized DeviceCode only() {
        if (rows.size() != 1) {
            throw new IllegalStateException(rows.size() + " rows");
        }
        return rows.values().iterator().next();
    }

    private static DeviceCode copy(DeviceCode row, long id, DeviceCodeStatus status, Long userId, Duration interval,
                                   Instant lastPolled, int verificationCount) {
        return new DeviceCode(id, row.deviceCodeHash(), row.userCodeHash(), row.clientDbId(), row.scope(), status,
                userId, interval, lastPolled, verificationCount, row.created(), row.expires());
    }
}
