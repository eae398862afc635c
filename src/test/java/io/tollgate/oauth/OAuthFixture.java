package io.tollgate.oauth;

import io.tollgate.oauth.grant.AuthorizationCodeGrant;
import io.tollgate.oauth.grant.ClientCredentialsGrant;
import io.tollgate.oauth.grant.GrantHandlers;
import io.tollgate.oauth.grant.PasswordGrant;
import io.tollgate.oauth.grant.RefreshTokenGrant;
import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.model.ClientType;
import io.tollgate.oauth.model.GrantType;
import io.tollgate.oauth.model.ScopeSet;
import io.tollgate.oauth.scope.ScopeRegistry;
import io.tollgate.oauth.store.InMemoryAuthorizationCodeStore;
import io.tollgate.oauth.store.InMemoryClientStore;
import io.tollgate.oauth.store.InMemoryResourceOwners;
import io.tollgate.oauth.store.InMemoryTokenStore;
import io.tollgate.oauth.token.TokenGenerator;
import io.tollgate.oauth.token.TokenHasher;
import io.tollgate.oauth.token.TokenService;
import io.tollgate.oauth.token.TokenSettings;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The protocol core wired over in-memory stores, configured like the tutorial (read, write, groups). */
public final class OAuthFixture {

    public final MutableClock clock = MutableClock.startingAt("2025-01-01T00:00:00Z");
    public final InMemoryClientStore clients = new InMemoryClientStore();
    public final InMemoryTokenStore tokenStore = new InMemoryTokenStore();
    public final InMemoryAuthorizationCodeStore codes = new InMemoryAuthorizationCodeStore();
    public final InMemoryResourceOwners owners = new InMemoryResourceOwners();
    public final TokenGenerator generator = new TokenGenerator();
    public final ScopeRegistry scopes = new ScopeRegistry(tutorialScopes(), ScopeSet.of("read", "write", "groups"));
    public final TokenService tokens = new TokenService(tokenStore, generator, TokenSettings.defaults(), clock);
    public final PasswordGrant passwordGrant = new PasswordGrant(owners, scopes, tokens);
    public final RefreshTokenGrant refreshGrant = new RefreshTokenGrant(tokenStore, owners, tokens, clock);
    public final ClientCredentialsGrant clientCredentialsGrant = new ClientCredentialsGrant(scopes, tokens);
    public final AuthorizationCodeGrant codeGrant =
            new AuthorizationCodeGrant(codes, tokenStore, owners, tokens, clock);
    public final GrantHandlers handlers =
            new GrantHandlers(List.of(passwordGrant, refreshGrant, clientCredentialsGrant, codeGrant));
    private long nextClientId = 100;

    public static Map<String, String> tutorialScopes() {
        Map<String, String> scopes = new LinkedHashMap<>();
        scopes.put("read", "Read scope");
        scopes.put("write", "Write scope");
        scopes.put("groups", "Access to your groups");
        return scopes;
    }

    public Client confidentialClient(String clientId, String secret, GrantType... grants) {
        return clients.add(client(clientId, TokenHasher.sha256Hex(secret), ClientType.CONFIDENTIAL, null, grants));
    }

    public Client publicClient(String clientId, GrantType... grants) {
        return clients.add(client(clientId, null, ClientType.PUBLIC, null, grants));
    }

    public Client client(String clientId, String secretHash, ClientType type, ScopeSet allowedScopes,
                         GrantType... grants) {
        Instant now = clock.instant();
        return new Client(nextClientId++, clientId, secretHash, clientId + " app", null, type, Set.of(grants),
                List.of("https://app.example/callback"), allowedScopes, false, now, now);
    }
}
