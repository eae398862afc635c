package io.tollgate.web.admin;

import io.tollgate.audit.AuditOutcome;
import io.tollgate.audit.AuditQuery;
import io.tollgate.users.ValidationException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.regex.Pattern;

/** Parses the audit filters shared by the API and the audit page; bad input is a 400 naming the field. */
final class AuditFilters {
    private static final Pattern TYPE = Pattern.compile("[a-z_.]{1,64}");

    private AuditFilters() {
    }

    static AuditQuery parse(String from, String to, String user, String client, String type, String outcome) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        Instant start = instant(errors, "from", from);
        Instant end = instant(errors, "to", to);
        String cleanType = blankToNull(type);
        if (cleanType != null && !TYPE.matcher(cleanType).matches()) {
            add(errors, "type", "Use an event type such as token.issued, or a prefix such as token.");
        }
        AuditOutcome parsedOutcome = null;
        String cleanOutcome = blankToNull(outcome);
        if (cleanOutcome != null) {
            if (cleanOutcome.equals("success") || cleanOutcome.equals("failure")) {
                parsedOutcome = AuditOutcome.parse(cleanOutcome);
            } else {
                add(errors, "outcome", "\"" + clip(cleanOutcome) + "\" is not a valid choice (success, failure).");
            }
        }
        String cleanUser = text(errors, "user", user, 150);
        String cleanClient = text(errors, "client", client, 100);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new AuditQuery(start, end, cleanUser, cleanClient, cleanType, parsedOutcome);
    }

    /** ISO-8601 instants ("2026-12-04T20:00:00Z"), local date-times (UTC) as the page's inputs send, or dates. */
    private static Instant instant(Map<String, List<String>> errors, String field, String raw) {
        String value = blankToNull(raw);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notInstant) {
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException notDate) {
                    add(errors, field, "Enter a valid date/time, e.g. 2026-12-04T20:00:00Z.");
                    return null;
                }
            }
        }
    }

    private static String text(Map<String, List<String>> errors, String field, String raw, int max) {
        String value = blankToNull(raw);
        if (value == null) {
            return null;
        }
        if (value.length() > max || value.chars().anyMatch(Character::isISOControl)) {
            add(errors, field, "Enter a valid value.");
            return null;
        }
        return value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String clip(String value) {
        return value.length() > 20 ? value.substring(0, 20) : value.replaceAll("\\p{Cntrl}", "?");
    }

    private static void add(Map<String, List<String>> errors, String field, String message) {
        errors.computeIfAbsent(field, key -> new ArrayList<>()).add(message);
    }
}
