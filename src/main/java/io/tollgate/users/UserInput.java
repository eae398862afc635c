package io.tollgate.users;

import java.util.List;

/**
 * Fields a client sent to create or change a user; null means "not given". Holds a raw password, so it is
 * never logged whole.
 */
public record UserInput(
        String username,
        String email,
        String firstName,
        String lastName,
        String password,
        List<Long> groups,
        Boolean isStaff,
        Boolean isActive,
        Boolean isSuperuser) {

    public UserInput {
        groups = groups == null ? null : List.copyOf(groups);
    }

    public static UserInput empty() {
        return new UserInput(null, null, null, null, null, null, null, null, null);
    }

    public UserInput withUsername(String v) {
        return new UserInput(v, email, firstName, lastName, password, groups, isStaff, isActive, isSuperuser);
    }

    public UserInput withEmail(String v) {
        return new UserInput(username, v, firstName, lastName, password, groups, isStaff, isActive, isSuperuser);
    }

    public UserInput withNames(String first, String last) {
        return new UserInput(username, email, first, last, password, groups, isStaff, isActive, isSuperuser);
    }

    public UserInput withPassword(String v) {
        return new UserInput(username, email, firstName, lastName, v, groups, isStaff, isActive, isSuperuser);
    }

    public UserInput withGroups(List<Long> v) {
        return new UserInput(username, email, firstName, lastName, password, v, isStaff, isActive, isSuperuser);
    }

    public UserInput withStaff(Boolean v) {
        return new UserInput(username, email, firstName, lastName, password, groups, v, isActive, isSuperuser);
    }

    public UserInput withActive(Boolean v) {
        return new UserInput(username, email, firstName, lastName, password, groups, isStaff, v, isSuperuser);
    }

    public UserInput withSuperuser(Boolean v) {
        return new UserInput(username, email, firstName, lastName, password, groups, isStaff, isActive, v);
    }

    @Override
    public String toString() {
        return "UserInput[username=" + username + ", password=" + (password == null ? "null" : "***")
                + ", groups=" + groups + ", isStaff=" + isStaff + ", isActive=" + isActive
                + ", isSuperuser=" + isSuperuser + "]";
    }
}
