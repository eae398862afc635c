package io.tollgate.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.oauth.event.AccessTokenChecked;
import io.tollgate.oauth.event.AuthorizationRevoked;
import io.tollgate.oauth.event.ClientChanged;
import io.tollgate.oauth.event.ClientDeleted;
import io.tollgate.oauth.event.CodeReplayed;
import io.tollgate.oauth.event.ConsentGranted;
import io.tollgate.oauth.event.FamilyRevoked;
import io.tollgate.oauth.event.LoginFailed;
import io.tollgate.oauth.event.LoginSucceeded;
import io.tollgate.oauth.event.ProtocolEvent;
import io.tollgate.oauth.event.TokenIntrospected;
import io.tollgate.oauth.event.SignedOut;
import io.tollgate.oauth.event.TokenIssued;
import io.tollgate.oauth.event.TokenRequestFailed;
import io.tollgate.oauth.event.TokenRevoked;
import io.tollgate.oauth.event.TokensRevokedByOperator;
import io.tollgate.oauth.event.UserChanged;
import io.tollgate.oauth.event.UserDeactivated;
import io.tollgate.oauth.event.UserDeleted;
import io.tollgate.oauth.model.ScopeSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProtocolAuditListenerTest {
    private static final Instant T = Instant.parse("2026-12-04T21:00:00Z");
    private static final String HASH = "a".repeat(64);

    @Test
    void aTokenIssuedNamesGrantScopeClientAndUserButNeverTheToken() {
        AuditEvent event = ProtocolAuditListener.toAudit(new TokenIssued(T, "client-1", 7L, "password", "fam-1", HASH,
                true, ScopeSet.parse("read write")));
        assertThat(event.type()).isEqualTo("token.issued");
        assertThat(event.outcome()).isEqualTo(AuditOutcome.SUCCESS);
        assertThat(event.actor()).isEqualTo(AuditParty.user(7, ""));
        assertThat(event.clientId()).isEqualTo("client-1");
        assertThat(event.details()).containsEntry("grant_type", "password").containsEntry("scope", "read write")
                .containsEntry("family", "fam-1").containsEntry("with_refresh_token", "true");
        assertThat(event.toString()).doesNotContain(HASH);
        assertThat(event.time()).isEqualTo(T);
    }

    @Test
    void repeatedIntrospectionsByOneCallerWithOneOutcomeAreRecordedOncePerWindow() {
        List<AuditEvent> recorded = new ArrayList<>();
        ProtocolAuditListener listener = new ProtocolAuditListener(recorded::add, java.time.Duration.ofMinutes(1));
        for (int i = 0; i < 5; i++) {
            listener.on(new TokenIntrospected(T.plusSeconds(i), "app", true));
        }
        listener.on(new TokenIntrospected(T, "app", false));
        listener.on(new TokenIntrospected(T, "other", true));
        listener.on(new TokenIntrospected(T, null, true));
        listener.on(new TokenIssued(T, "app", null, "client_credentials", "f", HASH, false, ScopeSet.parse("read")));
        listener.on(new TokenIssued(T, "app", null, "client_credentials", "g", HASH, false, ScopeSet.parse("read")));
        assertThat(recorded).extracting(AuditEvent::type).containsExactly("token.introspected", "token.introspected",
                "token.introspected", "token.introspected", "token.issued", "token.issued");
        assertThat(recorded.subList(0, 4)).extracting(event -> event.details().get("active") + " " + event.actor().kind()
                + " " + event.clientId()).containsExactly("true client app", "false client app", "true client other",
                "true resource_server null");
    }

    @Test
    void withoutAWindowEveryIntrospectionIsRecorded() {
        List<AuditEvent> recorded = new ArrayList<>();
        ProtocolAuditListener listener = new ProtocolAuditListener(recorded::add);
        listener.on(new TokenIntrospected(T, "app", true));
        listener.on(new TokenIntrospected(T, "app", true));
        assertThat(recorded).hasSize(2);
    }

    @Test
    void aClientCredentialsTokenIsActedByTheClient() {
        AuditEvent event = ProtocolAuditListener.toAudit(new TokenIssued(T, "svc", null, "client_credentials", "f",
                HASH, false, ScopeSet.parse("read")));
        assertThat(event.actor()).isEqualTo(AuditParty.client("svc"));
    }

    @Test
    void anRpInitiatedSignOutNamesTheUserAndTheApplicationThatAsked() {
        AuditEvent event = ProtocolAuditListener.toAudit(new SignedOut(T, 7, "rp-1"));
        assertThat(event.type()).isEqualTo("signout");
        assertThat(event.outcome()).isEqualTo(AuditOutcome.SUCCESS);
        assertThat(event.actor()).isEqualTo(AuditParty.user(7, ""));
        assertThat(event.clientId()).isEqualTo("rp-1");
        assertThat(event.details()).containsEntry("source", "rp_initiated_logout");
        assertThat(ProtocolAuditListener.toAudit(new SignedOut(T, 7, null)).clientId()).isNull();
    }

    @Test
    void securityFailuresAreFailures() {
        assertThat(map(new FamilyRevoked(T, "f", FamilyRevoked.Reason.REFRESH_TOKEN_REUSED)))
                .isEqualTo("token.reuse_detected/failure");
        assertThat(map(new FamilyRevoked(T, "f", FamilyRevoked.Reason.CODE_REPLAYED))).isEqualTo("code.replayed/failure");
        assertThat(map(new CodeReplayed(T, 3, "f"))).isEqualTo("code.replayed/failure");
        assertThat(map(new LoginFailed(T, "bob", false))).isEqualTo("signin.failed/failure");
        assertThat(map(new LoginFailed(T, "bob", true))).isEqualTo("signin.locked_out/failure");
        assertThat(ProtocolAuditListener.toAudit(new LoginFailed(T, "bob", false)).actor().name()).isEqualTo("bob");
    }

    @Test
    void revocationsSayWhoRevoked() {
        AuditEvent byClient = ProtocolAuditListener.toAudit(new TokenRevoked(T, TokenRevoked.Kind.ACCESS_TOKEN,
                TokenRevoked.Reason.CLIENT_REQUEST, HASH, 4, 9L, "f"));
        assertThat(byClient.type()).isEqualTo("token.revoked");
        assertThat(byClient.details()).containsEntry("source", "client").containsEntry("family", "f");
        assertThat(byClient.toString()).doesNotContain(HASH);
        assertThat(map(new TokenRevoked(T, TokenRevoked.Kind.REFRESH_TOKEN, TokenRevoked.Reason.ROTATED, HASH, 4, 9L,
                "f"))).isEqualTo("token.refresh_rotated/success");
        AuditEvent byUser = ProtocolAuditListener.toAudit(new AuthorizationRevoked(T, 9, 4));
        assertThat(byUser.type()).isEqualTo("consent.revoked");
        assertThat(byUser.details()).containsEntry("source", "user_page");
    }

    @Test
    void applicationAndUserChangesAreRecorded() {
        assertThat(map(new ClientChanged(T, 4, "c", ClientChanged.Change.REGISTERED))).isEqualTo("application.created/success");
        assertThat(map(new ClientChanged(T, 4, "c", ClientChanged.Change.SECRET_REGENERATED)))
                .isEqualTo("application.secret_regenerated/success");
        assertThat(map(new ClientDeleted(T, 4, "c"))).isEqualTo("application.deleted/success");
        assertThat(map(new UserChanged(T, 9, UserChanged.Change.PASSWORD_CHANGED))).isEqualTo("user.password_changed/success");
        assertThat(map(new UserChanged(T, 9, UserChanged.Change.CREATED))).isEqualTo("user.created/success");
        assertThat(map(new UserChanged(T, 9, UserChanged.Change.UPDATED))).isEqualTo("user.changed/success");
        assertThat(map(new UserDeactivated(T, 9))).isEqualTo("user.deactivated/success");
        assertThat(map(new UserDeleted(T, 9))).isEqualTo("user.deleted/success");
        assertThat(ProtocolAuditListener.toAudit(new UserChanged(T, 9, UserChanged.Change.UPDATED)).subject().id())
                .isEqualTo(9L);
    }

    @Test
    void aSignInNamesTheUser() {
        AuditEvent event = ProtocolAuditListener.toAudit(new LoginSucceeded(T, 9, "alice"));
        assertThat(event.type() + "/" + event.outcome().wireName()).isEqualTo("signin.succeeded/success");
        assertThat(event.actor()).isEqualTo(AuditParty.user(9, "alice"));
    }

    @Test
    void aRefusedTokenRequestSaysWhyAndForWhichGrant() {
        AuditEvent refused = ProtocolAuditListener.toAudit(new TokenRequestFailed(T, "password", "invalid_grant", "app"));
        assertThat(refused.type() + "/" + refused.outcome().wireName()).isEqualTo("token.refused/failure");
        assertThat(refused.clientId()).isEqualTo("app");
        assertThat(refused.actor()).isEqualTo(AuditParty.client("app"));
        assertThat(refused.details()).containsEntry("error", "invalid_grant").containsEntry("grant_type", "password");
        AuditEvent anonymous = ProtocolAuditListener.toAudit(new TokenRequestFailed(T, null, "invalid_client", null));
        assertThat(anonymous.clientId()).isNull();
        assertThat(anonymous.details()).containsEntry("error", "invalid_client").doesNotContainKey("grant_type");
    }

    @Test
    void introspectionAndConsentNameWhoAsked() {
        AuditEvent byResourceServer = ProtocolAuditListener.toAudit(new TokenIntrospected(T, null, true));
        assertThat(byResourceServer.type()).isEqualTo("token.introspected");
        assertThat(byResourceServer.actor().kind()).isEqualTo("resource_server");
        assertThat(byResourceServer.details()).containsEntry("active", "true");
        AuditEvent byClient = ProtocolAuditListener.toAudit(new TokenIntrospected(T, "app", false));
        assertThat(byClient.actor()).isEqualTo(AuditParty.client("app"));
        assertThat(byClient.details()).containsEntry("active", "false");
        AuditEvent consent = ProtocolAuditListener.toAudit(new ConsentGranted(T, 9, 4, "app", ScopeSet.parse("read")));
        assertThat(consent.type()).isEqualTo("consent.granted");
        assertThat(consent.subject()).isEqualTo(AuditParty.application(4, "app"));
        assertThat(consent.details()).containsEntry("scope", "read");
    }

    @Test
    void bearerChecksAndOperatorRevocationsAreNotAuditedHere() {
        assertThat(ProtocolAuditListener.toAudit(new AccessTokenChecked(T, AccessTokenChecked.Result.VALID))).isNull();
        assertThat(ProtocolAuditListener.toAudit(TokensRevokedByOperator.ofClient(T, "admin_task", 3, 4))).isNull();
        List<AuditEvent> queued = new ArrayList<>();
        new ProtocolAuditListener(queued::add).on(new AccessTokenChecked(T, AccessTokenChecked.Result.EXPIRED));
        assertThat(queued).isEmpty();
    }

    @Test
    void theListenerOnlyQueues() {
        List<AuditEvent> queued = new ArrayList<>();
        new ProtocolAuditListener(queued::add).on(new UserDeleted(T, 1));
        assertThat(queued).extracting(AuditEvent::type).containsExactly("user.deleted");
    }

    private static String map(ProtocolEvent event) {
        AuditEvent audit = ProtocolAuditListener.toAudit(event);
        return audit.type() + "/" + audit.outcome().wireName();
    }
}
