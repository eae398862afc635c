package io.tollgate.users;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects field errors for one request, with DRF's texts for the checks every char field shares. */
final class FieldErrors {

    static final String REQUIRED = "This field is required.";
    static final String BLANK = "This field may not be blank.";
    static final String NULL_CHARACTERS = "Null characters are not allowed.";

    private final Map<String, List<String>> errors = new LinkedHashMap<>();

    void add(String field, String message) {
        errors.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
    }

    boolean has(String field) {
        return errors.containsKey(field);
    }

    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /**
     * DRF CharField rules: trims surrounding whitespace (unless {@code trim} is off, as for passwords), then
     * checks blank, length and NUL. Returns the cleaned value, or null when absent or invalid.
     */
    String text(String field, String value, boolean required, boolean allowBlank, int maxLength, boolean trim) {
        if (value == null) {
            if (required) {
                add(field, REQUIRED);
            }
            return null;
        }
        String cleaned = trim ? value.strip() : value;
        if (cleaned.isEmpty()) {
            if (!allowBlank) {
                add(field, BLANK);
                return null;
            }
            return cleaned;
        }
        if (cleaned.codePointCount(0, cleaned.length()) > maxLength) {
            add(field, "Ensure this field has no more than " + maxLength + " characters.");
        }
        if (cleaned.indexOf('\0') >= 0) {
            add(field, NULL_CHARACTERS);
        }
        return has(field) ? null : cleaned;
    }
}
