package io.tollgate.ops.djangoimport;

import io.tollgate.ops.djangoimport.ImportContext.Mode;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Ids for imported rows: Django's own id when Tollgate has no row with it (links and URLs stay the same),
 * otherwise the next id above everything in both databases. Before the first write the table's id generator is
 * moved past every id this import may use, so the server can keep creating rows while the import runs.
 */
final class IdAllocator {
    private final ImportContext ctx;
    private final String targetTable;
    private final long firstMapped;
    private final long lastUsable;
    private long nextMapped;
    private boolean reserved;

    IdAllocator(ImportContext ctx, String sourceTable, String targetTable, Mode mode) {
        this.ctx = ctx;
        this.targetTable = targetTable;
        this.firstMapped = mode == Mode.MAP_ONLY ? 0 : ctx.firstMappedId(sourceTable, targetTable);
        this.nextMapped = firstMapped;
        this.lastUsable = mode == Mode.MAP_ONLY ? 0 : firstMapped + ctx.sourceLong("SELECT COUNT(*) FROM " + sourceTable);
    }

    /** Source id → Tollgate id for rows about to be inserted. */
    Map<Long, Long> assign(List<Long> sourceIds) {
        Map<Long, Long> out = new LinkedHashMap<>();
        if (sourceIds.isEmpty()) {
            return out;
        }
        Set<Long> taken = new HashSet<>(ctx.target.withHandle(handle -> handle.createQuery(
                        "SELECT id FROM " + targetTable + " WHERE id IN (<ids>)")
                .bindList("ids", sourceIds).mapTo(Long.class).list()));
        for (long id : sourceIds) {
            out.put(id, taken.contains(id) || id < 1 ? nextMapped++ : id);
        }
        return out;
    }

    /** Call inside the first writing transaction. */
    void reserve(Handle handle) {
        if (!reserved) {
            ctx.reserveIdsUpTo(handle, targetTable, lastUsable);
            reserved = true;
        }
    }
}
