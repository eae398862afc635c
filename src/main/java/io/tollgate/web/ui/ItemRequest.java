package io.tollgate.web.ui;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;

/**
 * A request on one item's page (an application, a user), as a {@code @BeanParam}: the {@code {id}} of its path
 * and the request the sign-in and CSRF checks read. A submitted form stays the method's entity parameter.
 * Jersey writes the fields (a bean parameter needs a no-argument constructor, so it cannot be a record); nothing
 * else does.
 */
public final class ItemRequest {
    @PathParam("id")
    private String id;
    @Context
    private ContainerRequestContext context;

    public String id() {
        return id;
    }

    /** The id as a number, for a path whose {@code {id}} admits only 1 to 18 digits (so it always parses). */
    public long number() {
        return Long.parseLong(id);
    }

    public ContainerRequestContext context() {
        return context;
    }
}
