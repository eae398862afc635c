package io.tollgate.web.ui;

import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.model.GrantType;
import java.util.List;
import java.util.Map;

/** One application; {@code secret} is non-null only right after creation or regeneration. */
public class ApplicationView extends PageView {
    private final Client client;
    private final String secret;
    private final String template;
    private final Map<GrantType, String> grantLabels;

    public ApplicationView(PageContext page, Client client, String secret, boolean confirmDelete,
                           Map<GrantType, String> grantLabels) {
        super(confirmDelete ? "application_delete.mustache" : "application.mustache",
                confirmDelete ? "Delete " + client.name() : client.name(), page);
        this.client = client;
        this.secret = secret;
        this.template = confirmDelete ? "delete" : "detail";
        this.grantLabels = grantLabels;
    }

    public long getId() {
        return client.id();
    }

    public String getName() {
        return client.name();
    }

    public String getClientId() {
        return client.clientId();
    }

    public String getClientType() {
        return client.type().wireName();
    }

    public boolean isConfidential() {
        return client.isConfidential();
    }

    public List<String> getGrantTypes() {
        return grantLabels.entrySet().stream()
                .filter(e -> client.grantTypes().contains(e.getKey()))
                .map(Map.Entry::getValue).toList();
    }

    public List<String> getRedirectUris() {
        return client.redirectUris();
    }

    public List<String> getPostLogoutRedirectUris() {
        return client.postLogoutRedirectUris();
    }

    public String getTokenFormat() {
        return client.tokenSettings().accessTokenFormat();
    }

    public String getAllowedScopes() {
        return client.allowedScopes() == null ? "Any configured scope" : client.allowedScopes().asString();
    }

    public boolean isSkipAuthorization() {
        return client.skipAuthorization();
    }

    /** Nullable. */
    public String getSecret() {
        return secret;
    }

    public String getKind() {
        return template;
    }
}
