package io.tollgate.web.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.tollgate.users.Group;

/** A group as the tutorial's serializer shows it. */
@JsonPropertyOrder({"url", "id", "name"})
public record GroupRepresentation(
        @JsonProperty("url") String url,
        @JsonProperty("id") long id,
        @JsonProperty("name") String name) {

    public static GroupRepresentation of(Group group, ApiLinks links) {
        return new GroupRepresentation(links.group(group.id()), group.id(), group.name());
    }

    /** The name a body gives; null when absent, which the service reports as required. */
    public static String name(RequestData body) {
        BodyFields fields = new BodyFields(body);
        String name = fields.text("name");
        fields.throwIfAny();
        return name;
    }
}
