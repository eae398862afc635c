package io.tollgate.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.tollgate.users.ValidationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request body as DRF's {@code request.data}: a JSON object or an HTML form, read the same way. Form values are
 * text; a form field given twice is a list for list fields and its last value otherwise, as Django's QueryDict.
 */
public final class RequestData {
    private final JsonNode json;
    private final Map<String, List<String>> form;

    private RequestData(JsonNode json, Map<String, List<String>> form) {
        this.json = json;
        this.form = form;
    }

    public static RequestData json(JsonNode body) {
        return new RequestData(body, null);
    }

    public static RequestData form(Map<String, List<String>> fields) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        fields.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        return new RequestData(null, copy);
    }

    /** Refuses a JSON body that is not an object, with DRF's message; an empty body counts as {}. */
    public RequestData requireObject() {
        if (form != null || json == null || json.isMissingNode() || json.isObject()) {
            return this;
        }
        String message = json.isNull() ? "No data provided"
                : "Invalid data. Expected a dictionary, but got " + PythonTypes.nameOf(json) + ".";
        throw ValidationException.of("non_field_errors", message);
    }

    /** The field's value (JSON null included), or null when absent. */
    JsonNode scalar(String name) {
        if (form != null) {
            List<String> values = form.get(name);
            return values == null || values.isEmpty() ? null : TextNode.valueOf(values.get(values.size() - 1));
        }
        return json instanceof ObjectNode object ? object.get(name) : null;
    }

    /** A list field's value: a form field's every value, or the JSON value as given (checked by the caller). */
    JsonNode list(String name) {
        if (form != null) {
            List<String> values = form.get(name);
            if (values == null) {
                return null;
            }
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            values.forEach(array::add);
            return array;
        }
        return json instanceof ObjectNode object ? object.get(name) : null;
    }
}
