package io.tollgate.web.ui;

import io.tollgate.oauth.device.UserCodeCheck;
import java.util.List;
import java.util.Map;

/**
 * The device's consent page: which application, which scopes, and the code to compare with the one on the
 * device — the user's only defence against a code someone else sent them (RFC 8628 §5.4).
 */
public class DeviceConsentView extends PageView {
    private final UserCodeCheck.Accepted accepted;
    private final List<ConsentView.Scope> scopes;

    public DeviceConsentView(PageContext page, UserCodeCheck.Accepted accepted, Map<String, String> descriptions) {
        super("device_consent.mustache", "Authorize " + accepted.client().name(), page);
        this.accepted = accepted;
        this.scopes = descriptions.entrySet().stream()
                .map(entry -> new ConsentView.Scope(entry.getKey(), entry.getValue())).toList();
    }

    public String getApplicationName() {
        return accepted.client().name();
    }

    public String getUserCode() {
        return accepted.userCode();
    }

    public List<ConsentView.Scope> getScopes() {
        return scopes;
    }
}
