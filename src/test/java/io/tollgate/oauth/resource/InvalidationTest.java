package io.tollgate.oauth.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tollgate.oauth.event.ClientChanged;
import io.tollgate.oauth.event.ClientDeleted;
import io.tollgate.oauth.event.FamilyRevoked;
import io.tollgate.oauth.event.LoginFailed;
import io.tollgate.oauth.event.AccessTokenChecked;
import io.tollgate.oauth.event.TokenRevoked;
import io.tollgate.oauth.event.TokensRevokedByOperator;
import io.tollgate.oauth.event.UserChanged;
import io.tollgate.oauth.event.UserDeactivated;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvalidationTest {
    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void payloadsRoundTripWithTheSenderAndValuesWithSpaces() {
        for (Invalidation sent : List.of(Invalidation.tokenHash("ab12"), Invalidation.family("a family"),
                Invalidation.user(7), Invalidation.client(9))) {
            assertThat(Invalidation.parse(sent.toPayload("node1")))
                    .contains(new Invalidation.Message("node1", sent));
        }
    }

    @Test
    void unreadableOrLocalOnlyMessagesAreIgnored() {
        assertThat(Invalidation.parse(null)).isEmpty();
        assertThat(Invalidation.parse("garbage")).isEmpty();
        assertThat(Invalidation.parse("2 node1 t abc")).as("a newer version").isEmpty();
        assertThat(Invalidation.parse("1 node1 z abc")).as("an unknown kind").isEmpty();
        assertThat(Invalidation.parse("1 node1 * ")).as("drop-all is never taken from the wire").isEmpty();
        assertThatThrownBy(() -> Invalidation.user(1).toPayload("two words")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eventsMapToWhatTheyMakeStaleAndTheBroadcastSendsExactlyThat() {
        List<Invalidation> sent = new ArrayList<>();
        InvalidationBroadcast broadcast = new InvalidationBroadcast(sent::add);
        broadcast.on(new TokenRevoked(AT, TokenRevoked.Kind.ACCESS_TOKEN, TokenRevoked.Reason.CLIENT_REQUEST, "hash1",
                3, 4L, "fam1"));
        broadcast.on(new TokenRevoked(AT, TokenRevoked.Kind.REFRESH_TOKEN, TokenRevoked.Reason.ROTATED, "hash2",
                3, 4L, "fam2"));
        broadcast.on(new FamilyRevoked(AT, "fam3", FamilyRevoked.Reason.CODE_REPLAYED));
        broadcast.on(new UserDeactivated(AT, 5));
        broadcast.on(new ClientDeleted(AT, 6, "client-6"));
        // A new secret or changed settings: every node's client cache must reload the client.
        broadcast.on(new ClientChanged(AT, 8, "client-8", ClientChanged.Change.SECRET_REGENERATED));
        broadcast.on(new LoginFailed(AT, "someone", false));
        broadcast.on(new UserChanged(AT, 10, UserChanged.Change.CREATED));
        broadcast.on(new UserChanged(AT, 11, UserChanged.Change.UPDATED));
        assertThat(sent).containsExactly(Invalidation.tokenHash("hash1"), Invalidation.family("fam2"),
                Invalidation.family("fam3"), Invalidation.user(5), Invalidation.client(6), Invalidation.client(8),
                Invalidation.user(11));
    }

    @Test
    void anOperatorsRevocationReachesEveryNodeAndReportsDoNot() {
        List<Invalidation> sent = new ArrayList<>();
        InvalidationBroadcast broadcast = new InvalidationBroadcast(sent::add);
        broadcast.on(TokensRevokedByOperator.ofUser(AT, "admin_task", 2, 5));
        broadcast.on(TokensRevokedByOperator.ofClient(AT, "admin_console", 1, 6));
        broadcast.on(TokensRevokedByOperator.ofFamily(AT, "admin_console", 1, "fam4"));
        broadcast.on(new AccessTokenChecked(AT, AccessTokenChecked.Result.VALID));
        assertThat(sent).containsExactly(Invalidation.user(5), Invalidation.client(6), Invalidation.family("fam4"));
    }
}
