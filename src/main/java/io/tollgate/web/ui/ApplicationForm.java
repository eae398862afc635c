package io.tollgate.web.ui;

import io.tollgate.oauth.client.ClientRegistrationRequest;
import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.model.ClientType;
import io.tollgate.oauth.model.GrantType;
import io.tollgate.oauth.model.ScopeSet;
import io.tollgate.oauth.scope.ScopeRegistry;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The application form as typed, so a form with errors comes back with every value kept. Allowed scopes: none
 * ticked means "any configured scope". Token format: empty keeps the application's (a new one gets opaque).
 */
public record ApplicationForm(String name, String clientType, Set<String> grantTypes, String redirectUris,
                              Set<String> scopes, boolean skipAuthorization, String postLogoutRedirectUris,
                              String tokenFormat) {

    public static ApplicationForm blank() {
        // Prefilled so the tutorial's Step 3 (which names only the client and grant types) works as written.
        return new ApplicationForm("My application", "", Set.of(), "", Set.of(), false, "", "");
    }

    public static ApplicationForm of(Client client) {
        Set<String> grants = new LinkedHashSet<>();
        client.grantTypes().forEach(grant -> grants.add(grant.wireName()));
        return new ApplicationForm(client.name(), client.type().wireName(), grants,
                String.join("\n", client.redirectUris()),
                client.allowedScopes() == null ? Set.of() : new LinkedHashSet<>(client.allowedScopes().scopes()),
                client.skipAuthorization(), String.join("\n", client.postLogoutRedirectUris()),
                client.tokenSettings().accessTokenFormat());
    }

    public static ApplicationForm of(MultivaluedMap<String, String> form) {
        return new ApplicationForm(Pages.field(form, "name"), Pages.field(form, "client_type"),
                values(form, "grant_types"), Pages.field(form, "redirect_uris"), values(form, "allowed_scopes"),
                "on".equals(form.getFirst("skip_authorization")), Pages.field(form, "post_logout_redirect_uris"),
                Pages.field(form, "token_format"));
    }

    /**
     * @param offered the grants the pages offer, with their labels (the registered handlers'); a grant not
     *                offered is dropped, as an unticked box would be
     */
    public ClientRegistrationRequest toRequest(Long ownerUserId, Map<GrantType, String> offered) {
        Set<GrantType> grants = new LinkedHashSet<>();
        offered.keySet().stream().filter(grant -> grantTypes.contains(grant.wireName())).forEach(grants::add);
        List<String> uris = Arrays.asList(redirectUris.split("[\\s]+"));
        List<String> postLogoutUris = Arrays.asList(postLogoutRedirectUris.split("[\\s]+"));
        return new ClientRegistrationRequest(uris, ClientType.fromWire(clientType).orElse(null), grants, name,
                scopes.isEmpty() ? null : new ScopeSet(new ArrayList<>(scopes)), postLogoutUris, tokenFormat,
                ownerUserId, skipAuthorization, null, null);
    }

    public record Choice(String value, String label, boolean checked, String id) {
    }

    public List<Choice> grantChoices(Map<GrantType, String> offered) {
        return offered.entrySet().stream()
                .map(e -> new Choice(e.getKey().wireName(), e.getValue(), grantTypes.contains(e.getKey().wireName()),
                        "id_grant_" + e.getKey().shortName()))
                .toList();
    }

    public List<Choice> scopeChoices(ScopeRegistry registry) {
        return registry.describe(registry.all()).entrySet().stream()
                .map(e -> new Choice(e.getKey(), e.getValue(), scopes.contains(e.getKey()), "id_scope_" + e.getKey()))
                .toList();
    }

    /** A radio button with its explanation beside it. */
    public record HintedChoice(String value, String label, String hint, boolean checked, String id) {
    }

    /** The registered access-token formats, the chosen one (opaque when none is) checked. */
    public List<HintedChoice> tokenFormatChoices(List<String> formats) {
        String chosen = tokenFormat.isEmpty() ? formats.get(0) : tokenFormat;
        return formats.stream().map(format -> new HintedChoice(format,
                TOKEN_FORMAT_LABELS.getOrDefault(format, List.of(format, "")).get(0),
                TOKEN_FORMAT_LABELS.getOrDefault(format, List.of(format, "")).get(1),
                format.equals(chosen), "id_token_format_" + format)).toList();
    }

    private static final Map<String, List<String>> TOKEN_FORMAT_LABELS = Map.of(
            "opaque", List.of("Opaque", "a random string; resource servers ask the introspection endpoint"),
            "jwt", List.of("JWT (RFC 9068)", "signed; resource servers can also verify it against the JWKS"));

    private static Set<String> values(MultivaluedMap<String, String> form, String name) {
        List<String> values = form.get(name);
        return values == null ? Set.of() : new LinkedHashSet<>(values);
    }
}
