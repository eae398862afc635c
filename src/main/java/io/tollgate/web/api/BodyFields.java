package io.tollgate.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.tollgate.users.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads typed fields out of a {@link RequestData} with DRF's type rules and messages, collecting every error.
 * Only type errors live here; the users package owns the field rules (length, format, uniqueness).
 */
final class BodyFields {
    // DRF BooleanField's accepted spellings.
    private static final Set<String> TRUE = Set.of("t", "T", "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE",
            "on", "On", "ON", "1");
    private static final Set<String> FALSE = Set.of("f", "F", "n", "N", "no", "No", "NO", "false", "False", "FALSE",
            "off", "Off", "OFF", "0");

    private final RequestData data;
    private final Map<String, List<String>> errors = new LinkedHashMap<>();

    BodyFields(RequestData data) {
        if (data == null) {
            // No body at all (not even an empty one): Jersey hands the resource null; DRF's text for "no data".
            throw ValidationException.of("non_field_errors", "No data provided");
        }
        this.data = data.requireObject();
    }

    String text(String name) {
        JsonNode node = data.scalar(name);
        if (node == null) {
            return null;
        }
        if (node.isNull()) {
            return error(name, "This field may not be null.");
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isNumber()) {
            return node.asText();
        }
        return error(name, "Not a valid string.");
    }

    Boolean bool(String name) {
        JsonNode node = data.scalar(name);
        if (node == null) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual() || node.isIntegralNumber()) {
            String text = node.asText();
            if (TRUE.contains(text)) {
                return true;
            }
            if (FALSE.contains(text)) {
                return false;
            }
        }
        return error(name, node.isNull() ? "This field may not be null." : "Must be a valid boolean.");
    }

    /** A list of group references: hyperlinks of this server, or integer ids. */
    List<Long> groups(String name, ApiLinks links) {
        JsonNode node = data.list(name);
        if (node == null) {
            return null;
        }
        if (!node.isArray()) {
            return error(name, node.isNull() ? "This field may not be null."
                    : "Expected a list of items but got type \"" + PythonTypes.nameOf(node) + "\".");
        }
        List<Long> ids = new ArrayList<>();
        for (JsonNode item : node) {
            if (item.isIntegralNumber() && item.canConvertToLong() && item.longValue() > 0) {
                ids.add(item.longValue());
            } else if (item.isTextual()) {
                ApiLinks.Resolved resolved = links.groupReference(item.textValue());
                if (resolved.id() == null) {
                    return error(name, resolved.error());
                }
                ids.add(resolved.id());
            } else {
                return error(name, "Incorrect type. Expected URL string, received " + PythonTypes.nameOf(item) + ".");
            }
        }
        return ids;
    }

    /** Throws the collected type errors, if any, before the service sees the input. */
    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private <T> T error(String field, String message) {
        errors.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
        return null;
    }
}
