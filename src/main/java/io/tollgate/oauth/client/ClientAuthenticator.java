package io.tollgate.oauth.client;

import io.tollgate.oauth.OAuthException;
import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.store.ClientStore;
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

    /** The three methods of RFC 6749: client_secret_basic, client_secret_post and none. */
    public ClientAuthenticator(ClientStore clients) {
        this(clients, standardMethods());
    }

    public ClientAuthenticator(ClientStore clients, List<ClientAuthenticationMethod> methods) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.methods = List.copyOf(methods);
        Set<String> names = new HashSet<>();
        for (ClientAuthenticationMethod method : this.methods) {
            if (!names.add(method.name())) {
                throw new IllegalArgumentException("Two client authentication methods named " + method.name());
            }
        }
    }

    public static List<ClientAuthenticationMethod> standardMethods() {
        return List.of(new ClientSecretBasic(), new ClientSecretPost(), new NoClientAuthentication());
    }

    /**
     * @param authorizationHeader the raw Authorization header, nullable; schemes no method knows are ignored here
     * @param bodyParams          the form body parameters
     */
    public Client authenticate(String authorizationHeader, Map<String, List<String>> bodyParams) {
        ClientAuthenticationRequest request = new ClientAuthenticationRequest(authorizationHeader, bodyParams);
        List<ClientAuthenticationMethod> presented = methods.stream().filter(m -> m.isPresentIn(request)).toList();
        if (presented.size() > 1) {
            throw OAuthException.invalidRequest("Multiple client authentication methods.");
        }
        ClientAuthenticationMethod method = presented.isEmpty()
                ? method(NoClientAuthentication.NAME).orElseThrow(() -> OAuthException.invalidClient(FAILED, false))
                : presented.get(0);
        return method.authenticate(request, clients);
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
}
