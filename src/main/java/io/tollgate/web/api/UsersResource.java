package io.tollgate.web.api;

import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import io.tollgate.users.User;
import io.tollgate.users.UserService;
import io.tollgate.web.security.ScopePolicy;
import io.tollgate.web.security.TokenPrincipal;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;

/** The tutorial's UserViewSet: list, create, retrieve, update, partial update, destroy. Rules live in UserService. */
@Path("/users")
@RolesAllowed(ScopePolicy.USERS)
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED})
public record UsersResource(UserService users, Pagination pagination) {
    private static final String ITEM = "{id: [0-9]+}";

    @GET
    @Timed(name = "list")
    public PageRepresentation<UserRepresentation> list(@QueryParam(Pagination.PAGE) String page,
                                                       @Context UriInfo uriInfo) {
        ApiLinks links = new ApiLinks(uriInfo.getBaseUri());
        return pagination.list(page, uriInfo, users::list, user -> UserRepresentation.of(user, links));
    }

    @OPTIONS
    public Response describeList(@Auth TokenPrincipal principal) {
        return ApiMetadata.ofList("User", ApiMetadata.mayWriteUser(principal, null), ApiMetadata.USER_FIELDS);
    }

    @OPTIONS
    @Path(ITEM)
    public Response describeItem(@Auth TokenPrincipal principal, @PathParam("id") long id) {
        return ApiMetadata.ofItem("User", ApiMetadata.mayWriteUser(principal, id), ApiMetadata.USER_FIELDS);
    }

    @POST
    @Timed(name = "create")
    public Response create(@Auth TokenPrincipal principal, RequestData body, @Context UriInfo uriInfo) {
        ApiLinks links = new ApiLinks(uriInfo.getBaseUri());
        User created = users.create(Principals.actor(principal), UserRepresentation.input(body, links));
        return Response.created(URI.create(links.user(created.id())))
                .entity(UserRepresentation.of(created, links)).build();
    }

    @GET
    @Path(ITEM)
    @Timed(name = "retrieve")
    public UserRepresentation retrieve(@PathParam("id") long id, @Context UriInfo uriInfo) {
        return UserRepresentation.of(users.get(id), new ApiLinks(uriInfo.getBaseUri()));
    }

    @PUT
    @Path(ITEM)
    @Timed(name = "update")
    public UserRepresentation update(@Auth TokenPrincipal principal, @PathParam("id") long id, RequestData body,
                                     @Context UriInfo uriInfo) {
        return change(principal, id, body, uriInfo, false);
    }

    @PATCH
    @Path(ITEM)
    @Timed(name = "partial-update")
    public UserRepresentation partialUpdate(@Auth TokenPrincipal principal, @PathParam("id") long id,
                                            RequestData body, @Context UriInfo uriInfo) {
        return change(principal, id, body, uriInfo, true);
    }

    @DELETE
    @Path(ITEM)
    @Timed(name = "destroy")
    public Response destroy(@Auth TokenPrincipal principal, @PathParam("id") long id) {
        users.delete(Principals.actor(principal), id);
        return Response.noContent().build();
    }

    private UserRepresentation change(TokenPrincipal principal, long id, RequestData body, UriInfo uriInfo,
                                      boolean partial) {
        ApiLinks links = new ApiLinks(uriInfo.getBaseUri());
        User updated = users.update(Principals.actor(principal), id, UserRepresentation.input(body, links), partial);
        return UserRepresentation.of(updated, links);
    }
}
