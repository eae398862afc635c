package io.tollgate.persistence;

import io.tollgate.oauth.keys.KeyState;
import io.tollgate.oauth.keys.Rotation;
import io.tollgate.oauth.keys.SealedSigningKey;
import io.tollgate.oauth.keys.SigningAlgorithm;
import io.tollgate.oauth.keys.SigningKeyStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/** Signing keys in oauth_signing_key; the unique role column lets only one node win a creation or rotation. */
public class JdbiSigningKeyStore implements SigningKeyStore {
    private final Jdbi jdbi;

    public JdbiSigningKeyStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public List<SealedSigningKey> all() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT kid, algorithm, role, public_jwk, private_jwk_sealed, "
                        + "created, activated, retired, verify_until FROM oauth_signing_key ORDER BY created, kid")
                .map((rs, ctx) -> row(rs))
                .list());
    }

    @Override
    public boolean createInitial(SealedSigningKey current, SealedSigningKey next) {
        try {
            return jdbi.inTransaction(handle -> {
                Integer currents = handle.createQuery("SELECT COUNT(*) FROM oauth_signing_key WHERE role = 'current'")
                        .mapTo(Integer.class).one();
                if (currents > 0) {
                    return false;
                }
                // A 'next' left without a current (never happens in normal operation) would block the insert.
                handle.createUpdate("DELETE FROM oauth_signing_key WHERE role = 'next'").execute();
                insert(handle, current);
                insert(handle, next);
                return true;
            });
        } catch (JdbiException e) {
            if (Sql.UNIQUE_VIOLATION.equals(Sql.sqlState(e))) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public boolean rotate(Rotation rotation) {
        try {
            return jdbi.inTransaction(handle -> {
                Timestamp at = Timestamp.from(rotation.at());
                int retired = handle.createUpdate("UPDATE oauth_signing_key SET role = NULL, retired = :at, "
                                + "verify_until = :until WHERE kid = :kid AND role = 'current'")
                        .bind("at", at).bind("until", Timestamp.from(rotation.retiredVerifyUntil()))
                        .bind("kid", rotation.retireKid()).execute();
                if (retired != 1) {
                    throw new LostRace();
                }
                if (rotation.promoteKid() != null) {
                    int promoted = handle.createUpdate("UPDATE oauth_signing_key SET role = 'current', activated = :at "
                                    + "WHERE kid = :kid AND role = 'next'")
                            .bind("at", at).bind("kid", rotation.promoteKid()).execute();
                    if (promoted != 1) {
                        throw new LostRace();
                    }
                } else {
                    // The unpromoted next key never signed anything: nothing to keep it published for.
                    handle.createUpdate("DELETE FROM oauth_signing_key WHERE role = 'next'").execute();
                    insert(handle, rotation.newCurrent());
                }
                insert(handle, rotation.newNext());
                handle.createUpdate("DELETE FROM oauth_signing_key WHERE role IS NULL AND verify_until <= :at")
                        .bind("at", at).execute();
                return true;
            });
        } catch (LostRace e) {
            return false;
        } catch (JdbiException e) {
            String state = Sql.sqlState(e);
            if (Sql.UNIQUE_VIOLATION.equals(state) || Sql.H2_CONCURRENT_UPDATE.equals(state) || "40001".equals(state)) {
                return false;
            }
            throw e;
        }
    }

    /** Thrown inside the transaction to roll it back when another node rotated first. */
    private static final class LostRace extends RuntimeException {
        LostRace() {
            super(null, null, false, false);
        }
    }

    private static void insert(Handle handle, SealedSigningKey key) {
        handle.createUpdate("INSERT INTO oauth_signing_key (kid, algorithm, role, public_jwk, private_jwk_sealed, created, "
                        + "activated, retired, verify_until) VALUES (:kid, :algorithm, :role, :publicJwk, :sealed, "
                        + ":created, :activated, :retired, :verifyUntil)")
                .bind("kid", key.kid())
                .bind("algorithm", key.algorithm().name())
                .bind("role", role(key.state()))
                .bind("publicJwk", key.publicJwk())
                .bind("sealed", key.sealedPrivateJwk())
                .bind("created", Timestamp.from(key.created()))
                .bind("activated", timestamp(key.activated()))
                .bind("retired", timestamp(key.retired()))
                .bind("verifyUntil", timestamp(key.verifyUntil()))
                .execute();
    }

    private static SealedSigningKey row(ResultSet rs) throws SQLException {
        String role = rs.getString("role");
        KeyState state = role == null ? KeyState.RETIRED : KeyState.valueOf(role.toUpperCase(Locale.ROOT));
        return new SealedSigningKey(rs.getString("kid"), SigningAlgorithm.valueOf(rs.getString("algorithm")), state,
                rs.getString("public_jwk"), rs.getString("private_jwk_sealed"), Sql.instant(rs, "created"),
                Sql.instant(rs, "activated"), Sql.instant(rs, "retired"), Sql.instant(rs, "verify_until"));
    }

    private static String role(KeyState state) {
        return state == KeyState.RETIRED ? null : state.name().toLowerCase(Locale.ROOT);
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
