package io.tollgate.web.ui;

import io.tollgate.oauth.model.GrantType;
import io.tollgate.oauth.scope.ScopeRegistry;
import java.util.List;
import java.util.Map;

/** New and edit share one template; errors sit next to their fields. */
public class ApplicationFormView extends PageView {
    private final ApplicationForm form;
    private final Map<String, List<String>> errors;
    private final ScopeRegistry scopes;
    private final Map<GrantType, String> grantLabels;
    private final String action;
    private final String cancel;
    private final List<String> tokenFormats;

    /** @param tokenFormats the registered access-token formats, the default first */
    public ApplicationFormView(PageContext page, String title, String action, String cancel, ApplicationForm form,
                               Map<String, List<String>> errors, ScopeRegistry scopes,
                               Map<GrantType, String> grantLabels, List<String> tokenFormats) {
        super("application_form.mustache", title, page);
        this.tokenFormats = List.copyOf(tokenFormats);
        this.form = form;
        this.errors = errors;
        this.scopes = scopes;
        this.grantLabels = grantLabels;
        this.action = action;
        this.cancel = cancel;
    }

    public String getAction() {
        return action;
    }

    public String getCancel() {
        return cancel;
    }

    public ApplicationForm getForm() {
        return form;
    }

    public boolean isConfidential() {
        return form.clientType().equals("confidential");
    }

    public boolean isPublicClient() {
        return form.clientType().equals("public");
    }

    public List<ApplicationForm.Choice> getGrantChoices() {
        return form.grantChoices(grantLabels);
    }

    public List<ApplicationForm.Choice> getScopeChoices() {
        return form.scopeChoices(scopes);
    }

    public List<ApplicationForm.HintedChoice> getTokenFormatChoices() {
        return form.tokenFormatChoices(tokenFormats);
    }

    public List<String> getPostLogoutRedirectUrisErrors() {
        return errors.getOrDefault("post_logout_redirect_uris", List.of());
    }

    public List<String> getTokenFormatErrors() {
        return errors.getOrDefault("token_format", List.of());
    }

    public boolean isHasErrors() {
        return !errors.isEmpty();
    }

    public List<String> getNameErrors() {
        return errors.getOrDefault("name", List.of());
    }

    public List<String> getClientTypeErrors() {
        return errors.getOrDefault("client_type", List.of());
    }

    public List<String> getGrantTypesErrors() {
        return errors.getOrDefault("grant_types", List.of());
    }

    public List<String> getRedirectUrisErrors() {
        return errors.getOrDefault("redirect_uris", List.of());
    }

    public List<String> getAllowedScopesErrors() {
        return errors.getOrDefault("allowed_scopes", List.of());
    }
}
