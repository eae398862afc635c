package io.tollgate.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The users and groups API. */
public class ApiSettings {
    /** Items per page of a listing, as DRF's PAGE_SIZE; bounded so one request cannot ask for the whole table. */
    @Min(1)
    @Max(1000)
    private int pageSize = 100;

    @JsonProperty
    public int getPageSize() {
        return pageSize;
    }

    @JsonProperty
    public void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }
}
