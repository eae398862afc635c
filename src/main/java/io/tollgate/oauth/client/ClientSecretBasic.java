package io.tollgate.oauth.client;

import io.tollgate.oauth.OAuthException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** RFC 6749 §2.3.1 HTTP Basic; a failure answers with a Basic challenge. */
public final class ClientSecretBasic {
    public static final String NAME = "client_secret_basic";
    static final ClientSecretCheck.Carrier CARRIER = new ClientSecretCheck.Carrier(NAME,
            request -> "basic".equalsIgnoreCase(request.authorizationScheme()), ClientSecretBasic::credentials, true);

    private ClientSecretBasic() {
    }

    private static ClientSecretCheck.Credentials credentials(ClientAuthenticationRequest request) {
        ClientSecretCheck.Credentials presented = parse(request.authorizationHeader());
        String bodyId = request.bodyParameter("client_id");
        if (bodyId != null && !bodyId.equals(presented.clientId())) {
            throw OAuthException.invalidRequest("client_id does not match the authenticated client.");
        }
        return presented;
    }

    private static ClientSecretCheck.Credentials parse(String header) {
        String trimmed = header.strip();
        int space = trimmed.indexOf(' ');
        String encoded = space < 0 ? "" : trimmed.substring(space + 1).strip();
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (encoded.isEmpty() || colon < 0) {
                throw OAuthException.invalidClient(ClientSecretCheck.FAILED, true);
            }
            // RFC 6749 §2.3.1: both parts are form-urlencoded before Base64, so ':' and '%' survive in secrets.
            String id = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
            String secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
            if (id.isEmpty()) {
                throw OAuthException.invalidClient(ClientSecretCheck.FAILED, true);
            }
            return new ClientSecretCheck.Credentials(id, secret);
        } catch (IllegalArgumentException e) {
            throw OAuthException.invalidClient(ClientSecretCheck.FAILED, true);
        }
    }
}
