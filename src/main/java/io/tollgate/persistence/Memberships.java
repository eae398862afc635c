package io.tollgate.persistence;

import org.jdbi.v3.core.Jdbi;

/** auth_user_groups, the join both the user and the group store write. */
final class Memberships {
    private Memberships() {
    }

    /**
     * Deletes the row {@code id} of {@code table} (auth_user or auth_group) and its memberships, found by
     * {@code memberColumn}, in one transaction; whether the row existed. The foreign keys cascade too; the explicit
     * delete does not rely on it.
     */
    static boolean deleteWith(Jdbi jdbi, String table, String memberColumn, long id) {
        return jdbi.inTransaction(h -> {
            h.createUpdate("DELETE FROM auth_user_groups WHERE " + memberColumn + " = :id").bind("id", id).execute();
            return h.createUpdate("DELETE FROM " + table + " WHERE id = :id").bind("id", id).execute() > 0;
        });
    }
}
