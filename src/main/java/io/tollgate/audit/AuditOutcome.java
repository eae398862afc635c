package io.tollgate.audit;

import java.util.Locale;

/** Whether the thing an event describes happened (success) or was refused (failure). */
public enum AuditOutcome {
    SUCCESS, FAILURE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AuditOutcome parse(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
