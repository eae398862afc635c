package io.tollgate.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.tollgate.web.security.TokenPrincipal;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer to OPTIONS on the API, in DRF's SimpleMetadata shape: the view's name and description, what it
 * renders and parses, and, only for a caller allowed to write there, the fields each write method takes.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiMetadata(
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("renders") List<String> renders,
        @JsonProperty("parses") List<String> parses,
        @JsonProperty("actions") Map<String, Map<String, Map<String, Object>>> actions) {

    private static final List<String> RENDERS = List.of(MediaType.APPLICATION_JSON);
    private static final List<String> PARSES = List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED);

    static final Map<String, Map<String, Object>> USER_FIELDS = fields(
            field("url", "field", "Url", true, false, null),
            field("id", "integer", "ID", true, false, null),
            field("username", "string", "Username", false, true, 150),
            field("email", "email", "Email address", false, false, 254),
            field("first_name", "string", "First name", false, false, 150),
            field("last_name", "string", "Last name", false, false, 150),
            field("password", "string", "Password", false, false, 128),
            field("is_staff", "boolean", "Staff status", false, false, null),
            field("is_active", "boolean", "Active", false, false, null),
            field("groups", "field", "Groups", false, false, null));
    static final Map<String, Map<String, Object>> GROUP_FIELDS = fields(
            field("url", "field", "Url", true, false, null),
            field("id", "integer", "ID", true, false, null),
            field("name", "string", "Name", false, true, 150));

    /** OPTIONS on a model's collection: creating is a POST. */
    static Response ofList(String model, boolean mayWrite, Map<String, Map<String, Object>> fields) {
        return answer(model + " List", "", "GET, POST, HEAD, OPTIONS", mayWrite ? "POST" : null, fields);
    }

    /** OPTIONS on one instance of a model: changing it is a PUT (or PATCH). */
    static Response ofItem(String model, boolean mayWrite, Map<String, Map<String, Object>> fields) {
        return answer(model + " Instance", "", "GET, PUT, PATCH, DELETE, HEAD, OPTIONS", mayWrite ? "PUT" : null,
                fields);
    }

    /** @param writeMethod "POST" on a collection, "PUT" on an item, null where nothing may be written */
    public static Response answer(String name, String description, String allow, String writeMethod,
                           Map<String, Map<String, Object>> fields) {
        Map<String, Map<String, Map<String, Object>>> actions = writeMethod == null ? null : Map.of(writeMethod, fields);
        return Response.ok(new ApiMetadata(name, description, RENDERS, PARSES, actions), MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.ALLOW, allow)
                .header(HttpHeaders.VARY, "Authorization")
                .build();
    }

    /** The users API's write rules, as UserService enforces them: write scope; staff to create, or self to change. */
    static boolean mayWriteUser(TokenPrincipal principal, Long userId) {
        return principal.scope().contains("write") && (principal.staff()
                || (userId != null && userId.equals(principal.userId())));
    }

    private static Map<String, Map<String, Object>> fields(Map.Entry<String, Map<String, Object>>... entries) {
        Map<String, Map<String, Object>> fields = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Object>> entry : entries) {
            fields.put(entry.getKey(), entry.getValue());
        }
        return java.util.Collections.unmodifiableMap(fields);
    }

    private static Map.Entry<String, Map<String, Object>> field(String name, String type, String label,
                                                              boolean readOnly, boolean required, Integer maxLength) {
        Map<String, Object> field = new LinkedHashMap<>();
        field.put("type", type);
        field.put("required", required);
        field.put("read_only", readOnly);
        field.put("label", label);
        if (maxLength != null) {
            field.put("max_length", maxLength);
        }
        return Map.entry(name, java.util.Collections.unmodifiableMap(field));
    }
}
