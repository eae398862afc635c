package io.tollgate.web.api;

import com.fasterxml.jackson.databind.JsonNode;

/** DRF's messages name the Python type a JSON value became; this gives the same names. */
final class PythonTypes {
    private PythonTypes() {
    }

    static String nameOf(JsonNode node) {
        if (node.isArray()) {
            return "list";
        }
        if (node.isObject()) {
            return "dict";
        }
        if (node.isTextual()) {
            return "str";
        }
        if (node.isBoolean()) {
            return "bool";
        }
        if (node.isIntegralNumber()) {
            return "int";
        }
        if (node.isNumber()) {
            return "float";
        }
        return "NoneType";
    }
}
