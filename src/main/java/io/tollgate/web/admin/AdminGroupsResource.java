package io.tollgate.web.admin;

import io.tollgate.admin.AdminQueries;
import io.tollgate.audit.AuditEvent;
import io.tollgate.audit.AuditLog;
import io.tollgate.audit.AuditOutcome;
import io.tollgate.audit.AuditParty;
import io.tollgate.users.Group;
import io.tollgate.users.GroupService;
import io.tollgate.users.NotFoundException;
import io.tollgate.users.Page;
import io.tollgate.users.ValidationException;
import io.tollgate.web.ui.AdminView;
import io.tollgate.web.ui.BrowserPage;
import io.tollgate.web.ui.Pages;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** /admin/groups/: list with a create form, a group's page (rename, members), delete with confirmation. */
@Path("/admin/groups/")
@BrowserPage
@Produces(MediaType.TEXT_HTML)
public record AdminGroupsResource(AdminGuard guard, GroupService groups, AdminQueries queries, AuditLog audit,
                                  Clock clock) {
    private static final String ITEM = "{id: [0-9]{1,18}}/";
    private static final String SOURCE = "admin_console";

    public record GroupsModel(List<Group> groups, PageLinks paging, String name, Map<String, List<String>> errors,
                              String notice) {
        public boolean hasErrors() {
            return !errors.isEmpty();
        }
    }

    public record GroupDetail(long id, String name, String newName, List<AdminUsersResource.UserItem> members,
                              Map<String, List<String>> errors, String notice) {
        public boolean hasErrors() {
            return !errors.isEmpty();
        }

        public boolean hasMembers() {
            return !members.isEmpty();
        }
    }

    @GET
    public Response list(@QueryParam("page") String page, @QueryParam("notice") String notice,
                         @Context UriInfo uri, @Context ContainerRequestContext request) {
        return guard.get(request, staff -> Pages.html(200, listView(staff, uri, page, "", Map.of(),
                "deleted".equals(notice) ? "Group deleted." : null)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> form, @Context UriInfo uri,
                           @Context ContainerRequestContext request) {
        return guard.post(request, form, staff -> {
            String name = Pages.field(form, "name");
            try {
                Group created = groups.create(staff.actor(), name);
                audit.record(AuditEvent.of("admin.group.created", AuditOutcome.SUCCESS).actor(staff.party())
                        .subject(AuditParty.group(created.id(), created.name())).detail("source", SOURCE)
                        .at(clock.instant()));
                return Response.seeOther(URI.create("/admin/groups/" + created.id() + "/?notice=created")).build();
            } catch (ValidationException e) {
                return Pages.html(400, listView(staff, uri, null, name, e.errors(), null));
            }
        });
    }

    @GET
    @Path(ITEM)
    public Response detail(@PathParam("id") long id, @QueryParam("notice") String notice,
                           @Context ContainerRequestContext request) {
        return guard.get(request, staff -> withGroup(staff, id, group -> Pages.html(200,
                detailView(staff, group, group.name(), Map.of(), notice == null ? null
                        : "created".equals(notice) ? "Group created." : "renamed".equals(notice) ? "Group renamed." : null))));
    }

    @POST
    @Path(ITEM)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rename(@PathParam("id") long id, MultivaluedMap<String, String> form,
                           @Context ContainerRequestContext request) {
        return guard.post(request, form, staff -> withGroup(staff, id, group -> {
            String name = Pages.field(form, "name");
            try {
                Group renamed = groups.rename(staff.actor(), id, name);
                audit.record(AuditEvent.of("admin.group.renamed", AuditOutcome.SUCCESS).actor(staff.party())
                        .subject(AuditParty.group(id, renamed.name())).detail("from", group.name())
                        .detail("source", SOURCE).at(clock.instant()));
                return Response.seeOther(URI.create("/admin/groups/" + id + "/?notice=renamed")).build();
            } catch (ValidationException e) {
                return Pages.html(400, detailView(staff, group, name, e.errors(), null));
            }
        }));
    }

    @GET
    @Path(ITEM + "delete/")
    public Response deleteForm(@PathParam("id") long id, @Context ContainerRequestContext request) {
        return guard.get(request, staff -> withGroup(staff, id, group -> Pages.html(200,
                AdminPage.view("admin_group_delete.mustache", "Delete " + group.name(), staff, "groups",
                        new GroupDetail(group.id(), group.name(), group.name(), members(id), Map.of(), null)))));
    }

    @POST
    @Path(ITEM + "delete/")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("id") long id, MultivaluedMap<String, String> form,
                           @Context ContainerRequestContext request) {
        return guard.post(request, form, staff -> withGroup(staff, id, group -> {
            int members = queries.groupMembers(id).size();
            groups.delete(staff.actor(), id);
            audit.record(AuditEvent.of("admin.group.deleted", AuditOutcome.SUCCESS).actor(staff.party())
                    .subject(AuditParty.group(id, group.name())).detail("members", members).detail("source", SOURCE)
                    .at(clock.instant()));
            return Response.seeOther(URI.create("/admin/groups/?notice=deleted")).build();
        }));
    }

    private Response withGroup(AdminGuard.Staff staff, long id, Function<Group, Response> action) {
        try {
            return action.apply(groups.get(id));
        } catch (NotFoundException e) {
            return Pages.notFound(staff.page());
        }
    }

    private List<AdminUsersResource.UserItem> members(long id) {
        return queries.groupMembers(id).stream().map(AdminUsersResource.UserItem::of).toList();
    }

    private AdminView detailView(AdminGuard.Staff staff, Group group, String newName,
                                 Map<String, List<String>> errors, String notice) {
        return AdminPage.view("admin_group.mustache", group.name(), staff, "groups",
                new GroupDetail(group.id(), group.name(), newName, members(group.id()), errors, notice));
    }

    private AdminView listView(AdminGuard.Staff staff, UriInfo uri, String page, String name,
                               Map<String, List<String>> errors, String notice) {
        int number = PageLinks.number(page);
        Page<Group> found = groups.list(PageLinks.offset(number), PageLinks.SIZE);
        return AdminPage.view("admin_groups.mustache", "Groups", staff, "groups",
                new GroupsModel(found.items(), PageLinks.of(uri, found.total(), number), name, errors, notice));
    }
}
