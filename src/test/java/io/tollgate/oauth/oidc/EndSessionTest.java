package io.tollgate.oauth.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.oauth.MutableClock;
import io.tollgate.oauth.event.ProtocolEvent;
import io.tollgate.oauth.event.ProtocolEvents;
import io.tollgate.oauth.event.SignedOut;
import io.tollgate.oauth.model.GrantType;
import io.tollgate.oauth.keys.InMemorySigningKeyStore;
import io.tollgate.oauth.keys.JwtSigner;
import io.tollgate.oauth.keys.JwtVerifier;
import io.tollgate.oauth.keys.KeyEncryptionKey;
import io.tollgate.oauth.keys.PrivateKeySealer;
import io.tollgate.oauth.keys.SigningAlgorithm;
import io.tollgate.oauth.keys.SigningKeySettings;
import io.tollgate.oauth.keys.SigningKeys;
import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.model.ClientType;
import io.tollgate.oauth.model.ScopeSet;
import io.tollgate.oauth.oidc.EndSession.BrowserSession;
import io.tollgate.oauth.oidc.LogoutDecision.Confirm;
import io.tollgate.oauth.oidc.LogoutDecision.LogoutOutcome;
import io.tollgate.oauth.oidc.LogoutDecision.Refused;
import io.tollgate.oauth.oidc.LogoutDecision.SignOut;
import io.tollgate.oauth.store.InMemoryClientStore;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** RP-Initiated Logout's decisions over in-memory stores, real signing keys and a fixed clock. */
class EndSessionTest {
    private static final String ISSUER = "https://auth.example";
    private static final String AFTER = "https://rp.example/signed-out";
    private static final long USER = 42;

    private final MutableClock clock = MutableClock.startingAt("2026-02-03T04:05:06Z");
    private final SigningKeys keys = keys(clock);
    private final InMemoryClientStore clients = new InMemoryClientStore();
    private final List<ProtocolEvent> events = new ArrayList<>();
    private final IdTokens idTokens;
    private final EndSession endSession;

    EndSessionTest() {
        idTokens = new IdTokens(new JwtSigner(keys), SubjectIdentifiers.PUBLIC,
                userId -> Optional.of(new UserClaims(userId, "ada", "", "", "")), Duration.ofMinutes(10), clock);
        ProtocolEvents bus = new ProtocolEvents();
        bus.subscribe(events::add);
        endSession = new EndSession(new IdTokenHints(new JwtVerifier(keys, clock), OidcIssuer.of(ISSUER)), clients,
                SubjectIdentifiers.PUBLIC, bus, clock);
        clients.add(client(1, "rp-one", List.of(AFTER, "https://rp.example/bye?lang=en")));
        clients.add(client(2, "rp-two", List.of("https://two.example/bye")));
    }

    private static SigningKeys keys(MutableClock clock) {
        SigningKeys keys = new SigningKeys(new InMemorySigningKeyStore(),
                new PrivateKeySealer(KeyEncryptionKey.generate(new SecureRandom())),
                new SigningKeySettings(SigningAlgorithm.RS256, Duration.ofDays(90), Duration.ofHours(10),
                        Duration.ofHours(1), Duration.ofMinutes(1)), clock);
        keys.ensureUsable();
        return keys;
    }

    private Client client(long id, String clientId, List<String> postLogout) {
        return new Client(id, clientId, null, "App " + clientId, null, ClientType.PUBLIC,
                Set.of(GrantType.AUTHORIZATION_CODE), List.of("https://rp.example/cb"), null, null, null,
                clock.instant(), clock.instant(), postLogout);
    }

    private String idToken(String issuer, String clientId, long userId, String sid) {
        return idTokens.issue(new IdTokenRequest(issuer, clientId, userId, ScopeSet.of("openid"), clock.instant(),
                null, sid, null));
    }

    private static LogoutRequest request(String hint, String clientId, String uri, String state) {
        return new LogoutRequest(hint, clientId, uri, state);
    }

    private LogoutDecision decide(LogoutRequest request, BrowserSession session) {
        return endSession.decide(request, session, false);
    }

    @Test
    void aHintForTheSessionsUserAndSidSignsOutAtOnceAndReturnsToTheRegisteredUriWithState() {
        String hint = idToken(ISSUER, "rp-one", USER, "sid-1");
        LogoutDecision decision = decide(request(hint, null, AFTER, "s t&8"), new BrowserSession(USER, "sid-1"));
        assertThat(decision).isInstanceOf(SignOut.class);
        LogoutOutcome outcome = ((SignOut) decision).outcome();
        assertThat(outcome.redirectUri()).isEqualTo(AFTER + "?state=s%20t%268");
        assertThat(outcome.clientId()).isEqualTo("rp-one");
        assertThat(outcome.clientName()).isEqualTo("App rp-one");
    }

    @Test
    void theStateJoinsARegisteredQueryAndNoStateMeansTheUriAsRegistered() {
        String hint = idToken(ISSUER, "rp-one", USER, "sid-1");
        BrowserSession session = new BrowserSession(USER, "sid-1");
        assertThat(((SignOut) decide(request(hint, null, "https://rp.example/bye?lang=en", "x"), session)).outcome()
                .redirectUri()).isEqualTo("https://rp.example/bye?lang=en&state=x");
        assertThat(((SignOut) decide(request(hint, null, AFTER, null), session)).outcome().redirectUri())
                .isEqualTo(AFTER);
    }

    @Test
    void anExpiredHintIsStillAccepted() {
        String hint = idToken(ISSUER, "rp-one", USER, "sid-1");
        clock.advance(Duration.ofDays(2));
        assertThat(decide(request(hint, "rp-one", AFTER, "st"), new BrowserSession(USER, "sid-1")))
                .isInstanceOf(SignOut.class);
    }

    @Test
    void aHintOfAnotherIssuerOrWithABadSignatureOrFromOtherKeysIsRefused() {
        String otherIssuer = idToken("https://evil.example", "rp-one", USER, "sid-1");
        String good = idToken(ISSUER, "rp-one", USER, "sid-1");
        String[] parts = good.split("\\.");
        String badSignature = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        IdTokens foreign = new IdTokens(new JwtSigner(keys(clock)), SubjectIdentifiers.PUBLIC,
                userId -> Optional.of(new UserClaims(userId, "ada", "", "", "")), Duration.ofMinutes(10), clock);
        String otherKeys = foreign.issue(new IdTokenRequest(ISSUER, "rp-one", USER, ScopeSet.of("openid"),
                clock.instant(), null, "sid-1", null));
        for (String hint : List.of(otherIssuer, badSignature, otherKeys, "not-a-jwt", "e30.e30.")) {
            assertThat(decide(request(hint, null, AFTER, "st"), new BrowserSession(USER, "sid-1")))
                    .as(hint).isInstanceOf(Refused.class);
        }
        assertThat(events).isEmpty();
    }

    @Test
    void aClientIdMustBeTheHintsAudience() {
        String hint = idToken(ISSUER, "rp-one", USER, "sid-1");
        LogoutDecision mismatch = decide(request(hint, "rp-two", "https://two.example/bye", "st"),
                new BrowserSession(USER, "sid-1"));
        assertThat(mismatch).isInstanceOf(Refused.class);
        assertThat(((Refused) mismatch).message()).contains("client_id");
    }

    @Test
    void anUnregisteredUriIsRefusedNeverRedirected() {
        String hint = idToken(ISSUER, "rp-one", USER, "sid-1");
        BrowserSession session = new BrowserSession(USER, "sid-1");
        for (String uri : List.of("https://evil.example/", AFTER + "/", AFTER + "?x=1", "HTTPS://rp.example/signed-out",
                "https://two.example/bye")) {
            assertThat(decide(request(hint, null, uri, "st"), session)).as(uri).isInstanceOf(Refused.class);
        }
        // Another application's URI is refused too, even when it names that application with client_id alone.
        assertThat(decide(request(null, "rp-two", AFTER, "st"), session)).isInstanceOf(Refused.class);
    }

    @Test
    void aUriNeedsTheApplicationNamedByHintOrClientId() {
        assertThat(decide(request(null, null, AFTER, "st"), new BrowserSession(USER, "sid-1")))
                .isInstanceOf(Refused.class);
        assertThat(decide(request(null, "no-such-client", null, null), null)).isInstanceOf(Refused.class);
    }

    @Test
    void withoutAHintTheUserIsAskedAndTheRedirectIsKeptForTheAnswer() {
        LogoutDecision decision = decide(request(null, "rp-one", AFTER, "st"), new BrowserSession(USER, "sid-1"));
        assertThat(decision).isInstanceOf(Confirm.class);
        assertThat(((Confirm) decision).outcome().redirectUri()).isEqualTo(AFTER + "?state=st");
        assertThat(decide(request(null, null, null, null), new BrowserSession(USER, "sid-1")))
                .isInstanceOf(Confirm.class);
    }

    @Test
    void aHintForAnotherUserOrAnotherSessionIsAskedAbout() {
        BrowserSession session = new BrowserSession(USER, "sid-1");
        assertThat(decide(request(idToken(ISSUER, "rp-one", 7, "sid-1"), null, AFTER, null), session))
                .isInstanceOf(Confirm.class);
        assertThat(decide(request(idToken(ISSUER, "rp-one", USER, "sid-old"), null, AFTER, null), session))
                .isInstanceOf(Confirm.class);
        // A hint without sid (none known at sign-in) proves the user alone.
        assertThat(decide(request(idToken(ISSUER, "rp-one", USER, null), null, AFTER, null), session))
                .isInstanceOf(SignOut.class);
    }

    @Test
    void withoutASessionThereIsNothingToAskUnlessTheBrowserMayHaveWithheldIt() {
        LogoutRequest noHint = request(null, "rp-one", AFTER, "st");
        assertThat(endSession.decide(noHint, null, false)).isInstanceOf(SignOut.class);
        assertThat(endSession.decide(noHint, null, true)).isInstanceOf(Confirm.class);
    }

    @Test
    void aHintWhoseApplicationIsGoneStillSignsOutButCannotRedirect() {
        String hint = idToken(ISSUER, "rp-gone", USER, "sid-1");
        BrowserSession session = new BrowserSession(USER, "sid-1");
        LogoutDecision plain = decide(request(hint, null, null, null), session);
        assertThat(plain).isInstanceOf(SignOut.class);
        assertThat(((SignOut) plain).outcome().redirectUri()).isNull();
        assertThat(decide(request(hint, null, AFTER, null), session)).isInstanceOf(Refused.class);
    }

    @Test
    void signingOutPublishesWhoAndForWhichApplication() {
        endSession.signedOut(new BrowserSession(USER, "sid-1"), new LogoutOutcome("rp-one", "App", AFTER));
        assertThat(events).containsExactly(new SignedOut(clock.instant(), USER, "rp-one"));
    }

    @Test
    void parametersAreSingleBoundedAndFreeOfControlCharacters() {
        assertThat(parse(Map.of("state", List.of("a", "b"))).refusal()).contains("repeated");
        assertThat(parse(Map.of("state", List.of("x".repeat(2001)))).refusal()).contains("too long");
        assertThat(parse(Map.of("id_token_hint", List.of("x".repeat(8193)))).refusal()).contains("too long");
        assertThat(parse(Map.of("client_id", List.of("a\u0000b"))).refusal()).contains("characters");
        assertThat(parse(Map.of("x\u0001", List.of("1"))).refusal()).contains("characters");
        LogoutRequest.Parsed fine = parse(Map.of("state", List.of(""), "ui_locales", List.of("fr-CA fr en"),
                "client_id", List.of("rp-one"), "post_logout_redirect_uri", List.of(AFTER)));
        assertThat(fine.request()).contains(new LogoutRequest(null, "rp-one", AFTER, null));
    }

    private static LogoutRequest.Parsed parse(Map<String, List<String>> params) {
        Map<String, List<String>> copy = new LinkedHashMap<>(params);
        return LogoutRequest.parse(name -> copy.getOrDefault(name, List.of()), copy.keySet());
    }
}
