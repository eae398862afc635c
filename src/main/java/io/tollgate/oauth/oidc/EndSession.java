package io.tollgate.oauth.oidc;

import io.tollgate.oauth.authorize.AuthorizationResponse;
import io.tollgate.oauth.event.ProtocolEventPublisher;
import io.tollgate.oauth.event.SignedOut;
import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.oidc.LogoutDecision.Confirm;
import io.tollgate.oauth.oidc.LogoutDecision.LogoutOutcome;
import io.tollgate.oauth.oidc.LogoutDecision.Refused;
import io.tollgate.oauth.oidc.LogoutDecision.SignOut;
import io.tollgate.oauth.store.ClientStore;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * OpenID Connect RP-Initiated Logout 1.0: decides what the end-session endpoint does with a request. The hint must
 * be this server's ID token (expired ones too, §4); a client_id must be an audience of the hint; a
 * post_logout_redirect_uri needs the application named (by hint or client_id) and must be registered for it
 * exactly, else an error page and never a redirect (§3). Without proof that the request comes from the application
 * the current session signed in to — a hint naming the session's user and, when it carries one, its sid — the user
 * is asked first (§2).
 */
public record EndSession(IdTokenHints hints, ClientStore clients, SubjectIdentifiers subjects,
                         ProtocolEventPublisher events, Clock clock) {

    /**
     * The browser session a logout request arrives with.
     *
     * @param sessionId nullable: the session's public id (the sid its ID tokens carry)
     */
    public record BrowserSession(long userId, String sessionId) {
    }

    /**
     * @param session            the request's live session, or null when it brought none
     * @param sessionMayBeHidden the request is a cross-site POST, on which the browser withholds the SameSite=Lax
     *                           session cookie: "no session" then means "unknown", and the user is asked on a page of
     *                           this site, whose answer carries the cookie
     */
    public LogoutDecision decide(LogoutRequest request, BrowserSession session, boolean sessionMayBeHidden) {
        IdTokenHint hint = null;
        if (request.idTokenHint() != null) {
            Optional<IdTokenHint> verified = hints.verify(request.idTokenHint());
            if (verified.isEmpty()) {
                return new Refused("The id_token_hint is not an ID token this server issued.");
            }
            hint = verified.get();
        }
        if (request.clientId() != null && hint != null && !hint.issuedTo(request.clientId())) {
            return new Refused("The client_id is not the application the id_token_hint was issued to.");
        }
        String clientId = request.clientId() != null ? request.clientId() : hint == null ? null : hint.clientId();
        Client client = clientId == null ? null : clients.findByClientId(clientId).orElse(null);
        if (request.clientId() != null && client == null) {
            return new Refused("The client_id names no registered application.");
        }
        String redirect = null;
        if (request.postLogoutRedirectUri() != null) {
            if (clientId == null) {
                return new Refused("A post_logout_redirect_uri needs an id_token_hint or a client_id naming the "
                        + "application.");
            }
            if (client == null || !client.allowsPostLogoutRedirectUri(request.postLogoutRedirectUri())) {
                return new Refused("The post_logout_redirect_uri is not registered for this application.");
            }
            redirect = request.state() == null ? request.postLogoutRedirectUri()
                    : AuthorizationResponse.appendQuery(request.postLogoutRedirectUri(), Map.of("state", request.state()));
        }
        LogoutOutcome outcome = new LogoutOutcome(client == null ? null : client.clientId(),
                client == null ? null : client.name(), redirect);
        if (session == null) {
            return sessionMayBeHidden ? new Confirm(outcome) : new SignOut(outcome);
        }
        return provesCaller(hint, session) ? new SignOut(outcome) : new Confirm(outcome);
    }

    /** Records that {@code session} ended for this request (the caller deleted it). */
    public void signedOut(BrowserSession session, LogoutOutcome outcome) {
        events.publish(new SignedOut(clock.instant(), session.userId(), outcome.clientId()));
    }

    /** The hint names the session's user (as its application knows them) and, if it says, this very session. */
    private boolean provesCaller(IdTokenHint hint, BrowserSession session) {
        if (hint == null || hint.clientId() == null) {
            return false;
        }
        boolean sameUser = hint.subject().equals(subjects.subject(session.userId(), hint.clientId()));
        boolean sameSession = hint.sessionId() == null || hint.sessionId().equals(session.sessionId());
        return sameUser && sameSession;
    }
}
