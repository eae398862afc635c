package io.tollgate.oauth.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A registered OAuth client (DOT's "application").
 *
 * @param secretHash    SHA-256 hex of the client secret; null for public clients without a secret
 * @param ownerUserId   nullable: clients registered by the operator have no owner
 * @param allowedScopes nullable: null means any configured scope
 * @param settings      authorization-endpoint policy (PKCE, consent)
 * @param tokenSettings token lifetimes and format; server defaults unless set
 * @param postLogoutRedirectUris where OpenID Connect RP-initiated logout may send the browser back to, matched
 *                               exactly like redirect URIs
 */
public record Client(
        long id,
        String clientId,
        String secretHash,
        String name,
        Long ownerUserId,
        ClientType type,
        Set<GrantType> grantTypes,
        List<String> redirectUris,
        ScopeSet allowedScopes,
        ClientSettings settings,
        ClientTokenSettings tokenSettings,
        Instant created,
        Instant updated,
        List<String> postLogoutRedirectUris) {

    public Client {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(type, "type");
        name = name == null ? "" : name;
        grantTypes = grantTypes == null ? Set.of() : Set.copyOf(grantTypes);
        redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
        settings = (settings == null ? ClientSettings.defaultsFor(type, false) : settings).enforcedFor(type);
        tokenSettings = tokenSettings == null ? ClientTokenSettings.serverDefaults() : tokenSettings;
        postLogoutRedirectUris = postLogoutRedirectUris == null ? List.of() : List.copyOf(postLogoutRedirectUris);
    }

    /** A client without post-logout redirect URIs (every client before OpenID Connect logout). */
    public Client(long id, String clientId, String secretHash, String name, Long ownerUserId, ClientType type,
                  Set<GrantType> grantTypes, List<String> redirectUris, ScopeSet allowedScopes,
                  ClientSettings settings, ClientTokenSettings tokenSettings, Instant created, Instant updated) {
        this(id, clientId, secretHash, name, ownerUserId, type, grantTypes, redirectUris, allowedScopes, settings,
                tokenSettings, created, updated, List.of());
    }

    /** A client with the default policy for its type and the server's token settings. */
    public Client(long id, String clientId, String secretHash, String name, Long ownerUserId, ClientType type,
                  Set<GrantType> grantTypes, List<String> redirectUris, ScopeSet allowedScopes,
                  boolean skipAuthorization, Instant created, Instant updated) {
        this(id, clientId, secretHash, name, ownerUserId, type, grantTypes, redirectUris, allowedScopes,
                ClientSettings.defaultsFor(type, skipAuthorization), ClientTokenSettings.serverDefaults(), created,
                updated);
    }

    /** DOT's skip_authorization: the user is not asked for consent. */
    public boolean skipAuthorization() {
        return !settings.requireConsent();
    }

    public boolean isConfidential() {
        return type == ClientType.CONFIDENTIAL;
    }

    /**
     * Whether this grant type was registered for the client. The refresh grant is also allowed to clients of a
     * grant that issues refresh tokens: {@code GrantHandlers.allows} decides that, from the handlers.
     */
    public boolean allowsGrant(GrantType grantType) {
        return grantTypes.contains(grantType);
    }

    /** Exact string match, as RFC 9700 §2.1 requires; no prefix or pattern matching. */
    public boolean allowsRedirectUri(String redirectUri) {
        return redirectUri != null && redirectUris.contains(redirectUri);
    }

    /** Exact string match against the registered list (OpenID Connect RP-Initiated Logout §3). */
    public boolean allowsPostLogoutRedirectUri(String uri) {
        return uri != null && postLogoutRedirectUris.contains(uri);
    }

    /** The same client under the id its store gave it. */
    public Client withId(long newId) {
        return new Client(newId, clientId, secretHash, name, ownerUserId, type, grantTypes, redirectUris, allowedScopes,
                settings, tokenSettings, created, updated, postLogoutRedirectUris);
    }
}
