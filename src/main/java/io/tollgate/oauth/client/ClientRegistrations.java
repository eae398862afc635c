package io.tollgate.oauth.client;

import io.tollgate.oauth.event.ClientChanged;
import io.tollgate.oauth.event.ClientDeleted;
import io.tollgate.oauth.event.ProtocolEventPublisher;
import io.tollgate.oauth.grant.GrantHandlers;
import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.model.ClientSettings;
import io.tollgate.oauth.model.ClientTokenSettings;
import io.tollgate.oauth.model.ClientType;
import io.tollgate.oauth.scope.ScopeRegistry;
import io.tollgate.oauth.store.ClientStore;
import io.tollgate.oauth.store.DuplicateClientIdException;
import io.tollgate.oauth.token.TokenGenerator;
import io.tollgate.oauth.token.TokenHasher;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Registers, changes, re-keys and deletes clients, enforcing the rules every client must meet; the grant rules
 * come from the registered grant handlers.
 */
public final class ClientRegistrations {
    /** The secret an operator brings from another system must be as hard to guess as ours (>= 32 characters). */
    public static final int MIN_IMPORTED_SECRET_LENGTH = 32;
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._~-]{8,100}");
    private static final String POST_LOGOUT = "post_logout_redirect_uris";
    /** The stored, space-separated list's column size. */
    private static final int MAX_URI_LIST = 4000;

    private final ClientStore clients;
    private final TokenGenerator generator;
    private final ScopeRegistry scopes;
    private final GrantHandlers grants;
    private final ProtocolEventPublisher events;
    private final Clock clock;
    private final Set<String> tokenFormats;

    /** Only the opaque access-token format can be chosen. */
    public ClientRegistrations(ClientStore clients, TokenGenerator generator, ScopeRegistry scopes,
                               GrantHandlers grants, ProtocolEventPublisher events, Clock clock) {
        this(clients, generator, scopes, grants, events, clock, Set.of(ClientTokenSettings.DEFAULT_FORMAT));
    }

    /** @param tokenFormats the names of the registered access-token formats a client may choose */
    public ClientRegistrations(ClientStore clients, TokenGenerator generator, ScopeRegistry scopes,
                               GrantHandlers grants, ProtocolEventPublisher events, Clock clock,
                               Set<String> tokenFormats) {
        this.tokenFormats = Set.copyOf(tokenFormats);
        this.clients = clients;
        this.generator = generator;
        this.scopes = scopes;
        this.grants = grants;
        this.events = events;
        this.clock = clock;
    }

    /** Registers a new client; the result holds the plaintext secret, which is never stored. */
    public RegisteredClient register(ClientRegistrationRequest request) {
        Map<String, List<String>> errors = validate(request);
        if (request.clientId() != null && !CLIENT_ID.matcher(request.clientId()).matches()) {
            add(errors, "client_id", "Use 8 to 100 of the characters A-Z a-z 0-9 . _ ~ -.");
        }
        if (request.clientSecret() != null && request.type() == ClientType.CONFIDENTIAL
                && request.clientSecret().length() < MIN_IMPORTED_SECRET_LENGTH) {
            add(errors, "client_secret", "Ensure this field has at least " + MIN_IMPORTED_SECRET_LENGTH + " characters.");
        }
        if (request.clientSecret() != null && request.type() == ClientType.PUBLIC) {
            add(errors, "client_secret", "Public clients have no secret.");
        }
        throwIfAny(errors);
        String secret = request.type() == ClientType.CONFIDENTIAL
                ? Optional.ofNullable(request.clientSecret()).orElseGet(generator::generate) : null;
        String clientId = Optional.ofNullable(request.clientId()).orElseGet(generator::generate);
        Instant now = clock.instant();
        Client client = new Client(0, clientId, secret == null ? null : TokenHasher.sha256Hex(secret), request.name(),
                request.ownerUserId(), request.type(), request.grantTypes(), request.redirectUris(),
                request.allowedScopes(), ClientSettings.defaultsFor(request.type(), request.skipAuthorization()),
                tokenSettings(ClientTokenSettings.serverDefaults(), request), now, now,
                request.postLogoutRedirectUris());
        try {
            Client stored = clients.insert(client);
            events.publish(new ClientChanged(now, stored.id(), stored.clientId(), ClientChanged.Change.REGISTERED));
            return new RegisteredClient(stored, secret);
        } catch (DuplicateClientIdException e) {
            throw new ClientRegistrationException(Map.of("client_id", List.of("This client_id is already registered.")));
        }
    }

    /**
     * Changes a client's settings; id, secret and owner stay. A client that becomes public loses its secret,
     * and one that becomes confidential must be given one with {@link #regenerateSecret}.
     */
    public Client update(Client existing, ClientRegistrationRequest request) {
        throwIfAny(validate(request));
        String secretHash = request.type() == ClientType.PUBLIC ? null : existing.secretHash();
        // The policy follows the new type and consent choice; the token settings stay the client's own.
        // A confidential client keeps an operator's PKCE requirement; a public one always has it (ClientSettings).
        boolean chosenPkce = existing.type() == ClientType.CONFIDENTIAL && existing.settings().requireProofKey();
        ClientSettings settings = new ClientSettings(chosenPkce, !request.skipAuthorization());
        Client changed = new Client(existing.id(), existing.clientId(), secretHash, request.name(),
                existing.ownerUserId(), request.type(), request.grantTypes(), request.redirectUris(),
                request.allowedScopes(), settings, tokenSettings(existing.tokenSettings(), request), existing.created(),
                clock.instant(), request.postLogoutRedirectUris());
        clients.update(changed);
        events.publish(new ClientChanged(changed.updated(), changed.id(), changed.clientId(),
                ClientChanged.Change.UPDATED));
        return changed;
    }

    /** A fresh secret for a confidential client; the old one stops working at once. */
    public RegisteredClient regenerateSecret(Client existing) {
        if (existing.type() != ClientType.CONFIDENTIAL) {
            throw new ClientRegistrationException(Map.of("client_type", List.of("Public clients have no secret.")));
        }
        String secret = generator.generate();
        Client changed = new Client(existing.id(), existing.clientId(), TokenHasher.sha256Hex(secret), existing.name(),
                existing.ownerUserId(), existing.type(), existing.grantTypes(), existing.redirectUris(),
                existing.allowedScopes(), existing.settings(), existing.tokenSettings(), existing.created(),
                clock.instant(), existing.postLogoutRedirectUris());
        clients.update(changed);
        events.publish(new ClientChanged(changed.updated(), changed.id(), changed.clientId(),
                ClientChanged.Change.SECRET_REGENERATED));
        return new RegisteredClient(changed, secret);
    }

    /** Deletes the client and, with it, its tokens and codes; false when it was already gone. */
    public boolean delete(Client existing) {
        boolean deleted = clients.delete(existing.id());
        if (deleted) {
            events.publish(new ClientDeleted(clock.instant(), existing.id(), existing.clientId()));
        }
        return deleted;
    }

    private Map<String, List<String>> validate(ClientRegistrationRequest request) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        if (request.name().isEmpty()) {
            add(errors, "name", "This field is required.");
        } else if (request.name().length() > 255) {
            add(errors, "name", "Ensure this field has no more than 255 characters.");
        }
        if (request.type() == null) {
            add(errors, "client_type", "This field is required.");
        }
        if (request.grantTypes().isEmpty()) {
            add(errors, "grant_types", "Choose at least one grant type.");
        }
        grants.registrationProblems(request.grantTypes(), request.type(), request.redirectUris())
                .forEach(problem -> add(errors, problem.field(), problem.message()));
        for (String uri : request.redirectUris()) {
            RedirectUris.problem(uri).ifPresent(problem -> add(errors, "redirect_uris", uri + ": " + problem));
        }
        // Post-logout redirect URIs are redirect targets too: the same rules, and the same column size.
        for (String uri : request.postLogoutRedirectUris()) {
            RedirectUris.problem(uri).ifPresent(problem -> add(errors, POST_LOGOUT, uri + ": " + problem));
        }
        if (String.join(" ", request.postLogoutRedirectUris()).length() > MAX_URI_LIST) {
            add(errors, POST_LOGOUT, "Ensure the URIs have no more than " + MAX_URI_LIST + " characters in all.");
        }
        if (request.accessTokenFormat() != null && !tokenFormats.contains(request.accessTokenFormat())) {
            add(errors, "token_format", "Choose one of: " + String.join(", ", new java.util.TreeSet<>(tokenFormats))
                    + ".");
        }
        if (request.allowedScopes() != null) {
            for (String scope : request.allowedScopes().scopes()) {
                if (!scopes.all().contains(scope)) {
                    add(errors, "allowed_scopes", "Unknown scope: " + scope + ".");
                }
            }
        }
        return errors;
    }

    /** The request's format when it names one, else what the client had (a new client: the default). */
    private static ClientTokenSettings tokenSettings(ClientTokenSettings current, ClientRegistrationRequest request) {
        return request.accessTokenFormat() == null ? current : new ClientTokenSettings(current.accessTokenLifetime(),
                current.refreshTokenLifetime(), request.accessTokenFormat());
    }

    private static void add(Map<String, List<String>> errors, String field, String message) {
        errors.computeIfAbsent(field, key -> new ArrayList<>()).add(message);
    }

    private static void throwIfAny(Map<String, List<String>> errors) {
        if (!errors.isEmpty()) {
            throw new ClientRegistrationException(errors);
        }
    }
}
