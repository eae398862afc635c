package io.tollgate.oauth.client;

import io.tollgate.oauth.OAuthException;
import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.store.ClientStore;
import io.tollgate.throttle.AttemptThrottle;
import io.tollgate.throttle.Throttled;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Authenticates the client at the token, revocation, introspection (and device authorization) endpoints with the
 * registered {@link ClientAuthenticationMethod}s. Exactly one method may be used per request; a request carrying
 * no method's credentials is taken as {@code none} (a public client), when that method is registered.
 */
public final class ClientAuthenticator {

    static final String FAILED = ClientSecretCheck.FAILED;

    private final ClientStore clients;
    private final List<ClientAuthenticationMethod> methods;
    /** Nullable: no throttling (unit tests of the rules alone). */
    private final AttemptThrottle throttle;

    /** The three methods of RFC 6749: client_secret_basic, client_secret_post and none. */
    public ClientAuthenticator(ClientStore clients) {
        this(clients, standardMethods());
    }

    public ClientAuthenticator(ClientStore clients, List<ClientAuthenticationMethod> methods) {
        this(clients, methods, null);
    }

    /** @param throttle counts failed client authentications per (client_id, address) and per client_id */
    public ClientAuthenticator(ClientStore clients, List<ClientAuthenticationMethod> methods, AttemptThrottle throttle) {
        this.throttle = throttle;
        this.clients = Objects.requireNonNull(clients, "clients");
        this.methods = List.copyOf(methods);
        Set<String> names = new HashSet<>();
        for (ClientAuthenticationMethod method : this.methods) {
            if (!names.add(method.name())) {
                throw new IllegalArgumentException("Two client authentication methods named " + method.name());
            }
        }
    }

    /** Client authentication with secrets checked by {@code secrets} (e.g. imported Django hashes too). */
    public ClientAuthenticator(ClientStore clients, ClientSecretVerifier secrets) {
        this(clients, standardMethods(secrets));
    }

    public static List<ClientAuthenticationMethod> standardMethods() {
        return standardMethods(ClientSecretVerifier.sha256());
    }

    public static List<ClientAuthenticationMethod> standardMethods(ClientSecretVerifier secrets) {
        return List.of(new ClientSecretCheck(ClientSecretBasic.CARRIER, secrets),
                new ClientSecretCheck(ClientSecretPost.CARRIER, secrets), new NoClientAuthentication());
    }

    /** A request from an unknown address; see {@link #authenticate(String, Map, String)}. */
    public Client authenticate(String authorizationHeader, Map<String, List<String>> bodyParams) {
        return authenticate(authorizationHeader, bodyParams, null);
    }

    /**
     * @param authorizationHeader the raw Authorization header, nullable; schemes no method knows are ignored here
     * @param bodyParams          the form body parameters
     * @param clientAddress       where the request came from (nullable): failed client authentications are
     *                            throttled per (client_id, address), with a higher ceiling per client_id
     */
    public Client authenticate(String authorizationHeader, Map<String, List<String>> bodyParams, String clientAddress) {
        ClientAuthenticationRequest request = new ClientAuthenticationRequest(authorizationHeader, bodyParams);
        List<ClientAuthenticationMethod> presented = methods.stream().filter(m -> m.isPresentIn(request)).toList();
        if (presented.size() > 1) {
            throw OAuthException.invalidRequest("Multiple client authentication methods.");
        }
        ClientAuthenticationMethod method = presented.isEmpty()
                ? method(NoClientAuthentication.NAME).orElseThrow(() -> OAuthException.invalidClient(FAILED, false))
                : presented.get(0);
        if (throttle == null) {
            return method.authenticate(request, clients);
        }
        ThrottledClients attempt = new ThrottledClients(clients, throttle, clientAddress,
                ClientSecretBasic.NAME.equals(method.name()));
        try {
            Client client = method.authenticate(request, attempt);
            attempt.succeeded();
            return client;
        } catch (OAuthException e) {
            if ("invalid_client".equals(e.error())) {
                attempt.failed();
            }
            throw e;
        }
    }

    /** The registered methods' names, in registration order (metadata). */
    public List<String> methodNames() {
        return methods.stream().map(ClientAuthenticationMethod::name).toList();
    }

    /** The names of the registered methods that prove a secret (introspection's callers must). */
    public List<String> secretMethodNames() {
        return methods.stream().filter(ClientAuthenticationMethod::provesSecret)
                .map(ClientAuthenticationMethod::name).toList();
    }

    private Optional<ClientAuthenticationMethod> method(String name) {
        return methods.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /**
     * The client store as one authentication attempt sees it: looking up the presented client_id first asks the
     * throttle, so every method (present and future) is throttled at the one place it names a client, before any
     * secret is hashed. Only lookups are expected during authentication.
     */
    private static final class ThrottledClients extends ForwardingClientStore {
        private final AttemptThrottle throttle;
        private final String address;
        private final boolean basic;
        private AttemptThrottle.Attempt attempt;

        ThrottledClients(ClientStore clients, AttemptThrottle throttle, String address, boolean basic) {
            super(clients);
            this.throttle = throttle;
            this.address = address;
            this.basic = basic;
        }

        @Override
        public Optional<Client> findByClientId(String clientId) {
            if (attempt == null) {
                try {
                    attempt = throttle.begin(AttemptThrottle.Kind.CLIENT, clientId, address);
                } catch (Throttled throttled) {
                    throw OAuthException.throttled(OAuthException.invalidClient(null, basic),
                            throttled.retryAfterSeconds());
                }
            }
            return store.findByClientId(clientId);
        }

        void failed() {
            if (attempt != null) {
                attempt.failed();
            }
        }

        void succeeded() {
            if (attempt != null) {
                attempt.succeeded();
            }
        }

        @Override
        public Client insert(Client client) {
            throw new UnsupportedOperationException("authentication only reads clients");
        }

        @Override
        public boolean update(Client client) {
            throw new UnsupportedOperationException("authentication only reads clients");
        }

        @Override
        public boolean delete(long id) {
            throw new UnsupportedOperationException("authentication only reads clients");
        }
    }
}
