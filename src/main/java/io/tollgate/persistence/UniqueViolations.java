package io.tollgate.persistence;

import io.tollgate.users.UniqueViolationException;
import io.tollgate.users.ValidationException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jdbi.v3.core.JdbiException;

/** Turns a unique-index refusal into the port's exception; H2 and PostgreSQL both report SQLState 23505. */
final class UniqueViolations {
    private UniqueViolations() {
    }

    static <T> T translate(String what, Supplier<T> write) {
        try {
            return write.get();
        } catch (JdbiException e) {
            if (isUniqueViolation(e)) {
                throw new UniqueViolationException(what, e);
            }
            if (Sql.isForeignKeyViolation(e)) {
                // A group deleted between the service's existence check and this write: the client's mistake
                // to retry, not a server error.
                throw new ValidationException(Map.of("groups", List.of("Invalid pk - object does not exist.")));
            }
            throw e;
        }
    }

    static boolean isUniqueViolation(Throwable error) {
        return Sql.UNIQUE_VIOLATION.equals(Sql.sqlState(error));
    }
}
