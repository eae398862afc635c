package io.tollgate.web.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.tollgate.users.User;
import io.tollgate.users.UserInput;
import java.util.List;

/**
 * A user as the tutorial's HyperlinkedModelSerializer shows it, plus names and flags. The password hash has no
 * component here, so no code path can render it.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({"url", "id", "username", "email", "first_name", "last_name", "is_staff", "is_active", "groups"})
public record UserRepresentation(String url, long id, String username, String email, String firstName,
                                 String lastName, @JsonProperty("is_staff") boolean staff,
                                 @JsonProperty("is_active") boolean active, List<String> groups) {

    public UserRepresentation {
        groups = List.copyOf(groups);
    }

    public static UserRepresentation of(User user, ApiLinks links) {
        return new UserRepresentation(links.user(user.id()), user.id(), user.username(), user.email(),
                user.firstName(), user.lastName(), user.staff(), user.active(),
                user.groupIds().stream().map(links::group).toList());
    }

    /** The writable fields of a body; url, id and unknown fields are ignored, as DRF does. */
    public static UserInput input(RequestData body, ApiLinks links) {
        BodyFields fields = new BodyFields(body);
        UserInput input = new UserInput(
                fields.text("username"),
                fields.text("email"),
                fields.text("first_name"),
                fields.text("last_name"),
                fields.text("password"),
                fields.groups("groups", links),
                fields.bool("is_staff"),
                fields.bool("is_active"),
                fields.bool("is_superuser"));
        fields.throwIfAny();
        return input;
    }
}
