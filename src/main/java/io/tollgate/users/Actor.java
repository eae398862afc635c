package io.tollgate.users;

/** Who is asking: the user behind an access token, with the flags that drive permissions. */
public record Actor(long userId, boolean staff, boolean superuser) {

    public static Actor of(User user) {
        return new Actor(user.id(), user.staff(), user.superuser());
    }

    /** A superuser holds every permission, as in Django, even without the staff flag. */
    public boolean canManage() {
        return staff || superuser;
    }
}
