package io.tollgate.persistence;

import io.tollgate.oauth.cleanup.TokenCleanupStore;
import io.tollgate.oauth.device.DeviceCode;
import io.tollgate.oauth.device.DeviceCodeStatus;
import io.tollgate.oauth.device.DeviceCodeStore;
import io.tollgate.oauth.device.DeviceFlow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** Device authorizations by SHA-256 hash; every state change is a conditional update with one winner. */
public class JdbiDeviceCodeStore implements DeviceCodeStore {
    private static final String COLUMNS = "id, device_code_hash, user_code_hash, application_id, scope, status, "
            + "user_id, interval_seconds, last_polled, verification_count, created, expires";

    private final Jdbi jdbi;

    public JdbiDeviceCodeStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The purge of device codes past expiry or redeemed (and kept for the retention), like authorization codes. */
    public static TokenCleanupStore cleanup(Jdbi jdbi) {
        return JdbiTokenCleanup.forTable(jdbi, DeviceFlow.DEVICE_CODES, "oauth_device_code", "d",
                List.of("d.expires < :cutoff", "d.consumed < :cutoff"));
    }

    @Override
    public boolean insert(DeviceCode code) {
        try {
            jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO oauth_device_code (device_code_hash, "
                            + "user_code_hash, application_id, scope, status, interval_seconds, created, expires) "
                            + "VALUES (:device, :user, :app, :scope, :status, :interval, :created, :expires)")
                    .bind("device", code.deviceCodeHash())
                    .bind("user", code.userCodeHash())
                    .bind("app", code.clientDbId())
                    .bind("scope", code.scope().asString())
                    .bind("status", code.status().stored())
                    .bind("interval", Math.toIntExact(code.interval().toSeconds()))
                    .bind("created", code.created())
                    .bind("expires", code.expires())
                    .execute());
            return true;
        } catch (RuntimeException e) {
            if (Sql.UNIQUE_VIOLATION.equals(Sql.sqlState(e))) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public Optional<DeviceCode> findByDeviceCode(String deviceCodeHash) {
        return find("device_code_hash", deviceCodeHash);
    }

    @Override
    public Optional<DeviceCode> findByUserCode(String userCodeHash) {
        return find("user_code_hash", userCodeHash);
    }

    @Override
    public boolean recordPoll(long id, Instant expectedLastPolled, Instant now) {
        String expected = expectedLastPolled == null ? "last_polled IS NULL" : "last_polled = :expected";
        return conditional(() -> jdbi.withHandle(handle -> {
            var update = handle.createUpdate("UPDATE oauth_device_code SET last_polled = :now, "
                            + "poll_count = poll_count + 1 WHERE id = :id AND " + expected)
                    .bind("now", now)
                    .bind("id", id);
            return expectedLastPolled == null ? update.execute() : update.bind("expected", expectedLastPolled).execute();
        }));
    }

    @Override
    public void slowDown(long id, Instant now, Duration by) {
        // Retried on H2's concurrent-update error: every too-fast poll must lengthen the interval.
        for (int attempt = 1; ; attempt++) {
            try {
                jdbi.useHandle(handle -> handle.createUpdate("UPDATE oauth_device_code SET last_polled = :now, "
                                + "poll_count = poll_count + 1, interval_seconds = interval_seconds + :by WHERE id = :id")
                        .bind("now", now)
                        .bind("by", Math.toIntExact(by.toSeconds()))
                        .bind("id", id)
                        .execute());
                return;
            } catch (RuntimeException e) {
                if (!Sql.H2_CONCURRENT_UPDATE.equals(Sql.sqlState(e)) || attempt == 5) {
                    throw e;
                }
            }
        }
    }

    @Override
    public boolean countVerification(long id, int max) {
        return conditional(() -> jdbi.withHandle(handle -> handle.createUpdate("UPDATE oauth_device_code "
                        + "SET verification_count = verification_count + 1 WHERE id = :id AND verification_count < :max")
                .bind("id", id)
                .bind("max", max)
                .execute()));
    }

    @Override
    public boolean decide(long id, DeviceCodeStatus decision, long userId, Instant now) {
        if (decision != DeviceCodeStatus.APPROVED && decision != DeviceCodeStatus.DENIED) {
            throw new IllegalArgumentException("A decision is approved or denied, not " + decision);
        }
        return conditional(() -> jdbi.withHandle(handle -> handle.createUpdate("UPDATE oauth_device_code "
                        + "SET status = :decision, user_id = :user, decided = :now "
                        + "WHERE id = :id AND status = :pending AND expires > :now")
                .bind("decision", decision.stored())
                .bind("user", userId)
                .bind("now", now)
                .bind("id", id)
                .bind("pending", DeviceCodeStatus.PENDING.stored())
                .execute()));
    }

    @Override
    public boolean consume(long id, Instant now) {
        return conditional(() -> jdbi.withHandle(handle -> handle.createUpdate("UPDATE oauth_device_code "
                        + "SET status = :consumed, consumed = :now WHERE id = :id AND status = :approved")
                .bind("consumed", DeviceCodeStatus.CONSUMED.stored())
                .bind("now", now)
                .bind("id", id)
                .bind("approved", DeviceCodeStatus.APPROVED.stored())
                .execute()));
    }

    /** One row changed: this caller won. On H2 the loser of a simultaneous update gets an error instead of 0. */
    private static boolean conditional(Supplier<Integer> update) {
        try {
            return update.get() == 1;
        } catch (RuntimeException e) {
            if (Sql.H2_CONCURRENT_UPDATE.equals(Sql.sqlState(e))) {
                return false;
            }
            throw e;
        }
    }

    private Optional<DeviceCode> find(String column, String hash) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM oauth_device_code WHERE "
                        + column + " = :hash")
                .bind("hash", hash)
                .map(JdbiDeviceCodeStore::map)
                .findOne());
    }

    private static DeviceCode map(ResultSet rs, StatementContext context) throws SQLException {
        String status = rs.getString("status");
        return new DeviceCode(rs.getLong("id"), rs.getString("device_code_hash"), rs.getString("user_code_hash"),
                rs.getLong("application_id"), Sql.scope(rs, "scope"),
                DeviceCodeStatus.fromStored(status)
                        .orElseThrow(() -> new IllegalStateException("Unknown device code status " + status)),
                Sql.nullableLong(rs, "user_id"), Duration.ofSeconds(rs.getInt("interval_seconds")),
                Sql.instant(rs, "last_polled"), rs.getInt("verification_count"), Sql.instant(rs, "created"),
                Sql.instant(rs, "expires"));
    }
}
