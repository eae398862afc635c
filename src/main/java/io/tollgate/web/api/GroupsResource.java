package io.tollgate.web.api;

import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import io.tollgate.users.Group;
import io.tollgate.users.GroupService;
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

/** The tutorial's GroupViewSet (groups scope required). Rules live in GroupService. */
@Path("/groups")
@RolesAllowed(ScopePolicy.GROUPS)
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED})
public record GroupsResource(GroupService groups, Pagination pagination) {
    private static final String ITEM = "{id: [0-9]+}";

    @GET
    @Timed(name = "list")
    public PageRepresentation<GroupRepresentation> list(@QueryParam(Pagination.PAGE) String page,
                                                        @Context UriInfo uriInfo) {
        ApiLinks links = new ApiLinks(uriInfo.getBaseUri());
        return pagination.list(page, uriInfo, groups::list, group -> GroupRepresentation.of(group, links));
    }

    /** Only staff change groups (GroupService's rule), so only staff are shown the write actions. */
    @OPTIONS
    public Response describeList(@Auth TokenPrincipal principal) {
        return ApiMetadata.ofList("Group", principal.staff(), ApiMetadata.GROUP_FIELDS);
    }

    @OPTIONS
    @Path(ITEM)
    public Response describeItem(@Auth TokenPrincipal principal) {
        return ApiMetadata.ofItem("Group", principal.staff(), ApiMetadata.GROUP_FIELDS);
    }

    @POST
    @Timed(name = "create")
    public Response create(@Auth TokenPrincipal principal, RequestData body, @Context UriInfo uriInfo) {
        ApiLinks links = new ApiLinks(uriInfo.getBaseUri());
        Group created = groups.create(Principals.actor(principal), GroupRepresentation.name(body));
        return Response.created(URI.create(links.group(created.id())))
                .entity(GroupRepresentation.of(created, links)).build();
    }

    @GET
    @Path(ITEM)
    @Timed(name = "retrieve")
    public GroupRepresentation retrieve(@PathParam("id") long id, @Context UriInfo uriInfo) {
        return GroupRepresentation.of(groups.get(id), new ApiLinks(uriInfo.getBaseUri()));
    }

    @PUT
    @Path(ITEM)
    @Timed(name = "update")
    public GroupRepresentation update(@Auth TokenPrincipal principal, @PathParam("id") long id, RequestData body,
                                      @Context UriInfo uriInfo) {
        Group renamed = groups.rename(Principals.actor(principal), id, GroupRepresentation.name(body));
        return GroupRepresentation.of(renamed, new ApiLinks(uriInfo.getBaseUri()));
    }

    @PATCH
    @Path(ITEM)
    @Timed(name = "partial-update")
    public GroupRepresentation partialUpdate(@Auth TokenPrincipal principal, @PathParam("id") long id,
                                             RequestData body, @Context UriInfo uriInfo) {
        String name = GroupRepresentation.name(body);
        // A group has one writable field; a PATCH without it changes nothing but still needs the right to change.
        Group renamed = groups.rename(Principals.actor(principal), id, name == null ? groups.get(id).name() : name);
        return GroupRepresentation.of(renamed, new ApiLinks(uriInfo.getBaseUri()));
    }

    @DELETE
    @Path(ITEM)
    @Timed(name = "destroy")
    public Response destroy(@Auth TokenPrincipal principal, @PathParam("id") long id) {
        groups.delete(Principals.actor(principal), id);
        return Response.noContent().build();
    }
}
