package io.tollgate.users;

import java.util.List;

/** One slice of a listing plus the size of the whole, which DRF's "count" reports. */
public record Page<T>(List<T> items, long total) {
    public Page {
        items = List.copyOf(items);
        if (total < items.size()) {
            throw new IllegalArgumentException("total " + total + " is below the " + items.size() + " items given");
        }
    }
}
