package io.tollgate.web.ui;

/** "Enter the code shown on your device", prefilled from verification_uri_complete. */
public class DeviceCodeView extends PageView {
    private final String userCode;
    private final String error;

    /** @param error nullable */
    public DeviceCodeView(PageContext page, String userCode, String error) {
        super("device.mustache", "Connect a device", page);
        this.userCode = userCode == null ? "" : userCode;
        this.error = error;
    }

    public String getUserCode() {
        return userCode;
    }

    /** Nullable. */
    public String getError() {
        return error;
    }
}
