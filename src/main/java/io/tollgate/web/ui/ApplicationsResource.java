package io.tollgate.web.ui;

import io.tollgate.oauth.client.ClientRegistrationException;
import io.tollgate.oauth.client.ClientRegistrations;
import io.tollgate.oauth.client.RegisteredClient;
import io.tollgate.oauth.model.GrantType;
import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.scope.ScopeRegistry;
import io.tollgate.oauth.store.ClientStore;
import io.tollgate.users.session.SignedInUser;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Self-service application pages (DOT's /o/applications/). A user sees only their own; staff see all. */
@Path("/o/applications")
@BrowserPage
@Produces(MediaType.TEXT_HTML)
public record ApplicationsResource(ClientStore clients, ClientRegistrations registrations, ScopeRegistry scopes,
                                   Map<GrantType, String> grantLabels, java.util.List<String> tokenFormats) {
    /** Any id, not only digits: an id that is no number answers the same 404 page as someone else's application. */
    private static final String ITEM = "/{id}/";

    /** Only the opaque access-token format to choose from. */
    public ApplicationsResource(ClientStore clients, ClientRegistrations registrations, ScopeRegistry scopes,
                                Map<GrantType, String> grantLabels) {
        this(clients, registrations, scopes, grantLabels, java.util.List.of("opaque"));
    }

    /**
     * @param grantLabels  the grants the pages offer, from the registered handlers
     * @param tokenFormats the registered access-token formats, the default first
     */
    public ApplicationsResource {
        tokenFormats = java.util.List.copyOf(tokenFormats);
        grantLabels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(grantLabels));
    }

    @GET
    public Response list(@Context ContainerRequestContext request) {
        return Pages.signedIn(request, "/o/applications/", (page, user) ->
                Pages.html(200, new ApplicationsView(page, clients.listByOwner(user.staff() ? null : user.userId()))));
    }

    @GET
    @Path("/register/")
    public Response registerForm(@Context ContainerRequestContext request) {
        return Pages.signedIn(request, "/o/applications/register/",
                (page, user) -> Pages.html(200, formView(page, null, ApplicationForm.blank(), Map.of())));
    }

    @POST
    @Path("/register/")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response register(MultivaluedMap<String, String> form, @Context ContainerRequestContext request) {
        return signedInPost(request, form, "/o/applications/register/", (page, user) -> submitted(page, null, form,
                typed -> {
                    RegisteredClient registered = registrations.register(typed.toRequest(user.userId(), grantLabels));
                    // Rendered, not redirected: the plaintext secret exists only in this response (no-store).
                    return Pages.html(201, new ApplicationView(page, registered.client(), registered.plainSecret(),
                            false, grantLabels));
                }));
    }

    @GET
    @Path(ITEM)
    public Response detail(@BeanParam ItemRequest item) {
        return applicationPage(item, false);
    }

    @GET
    @Path(ITEM + "update/")
    public Response editForm(@BeanParam ItemRequest item) {
        return withOwned(item, (page, client) ->
                Pages.html(200, formView(page, client, ApplicationForm.of(client), Map.of())));
    }

    @POST
    @Path(ITEM + "update/")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response edit(@BeanParam ItemRequest item, MultivaluedMap<String, String> form) {
        return withOwnedPost(item, form, (page, client) -> submitted(page, client, form, typed -> {
            registrations.update(client, typed.toRequest(client.ownerUserId(), grantLabels));
            return Response.seeOther(URI.create("/o/applications/" + client.id() + "/")).build();
        }));
    }

    @POST
    @Path(ITEM + "secret/")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response regenerateSecret(@BeanParam ItemRequest item, MultivaluedMap<String, String> form) {
        return withOwnedPost(item, form, (page, client) -> {
            if (!client.isConfidential()) {
                return Pages.html(400, new MessageView(page, "No secret", "Public applications have no secret."));
            }
            RegisteredClient fresh = registrations.regenerateSecret(client);
            return Pages.html(200, new ApplicationView(page, fresh.client(), fresh.plainSecret(), false, grantLabels));
        });
    }

    @GET
    @Path(ITEM + "delete/")
    public Response deleteForm(@BeanParam ItemRequest item) {
        return applicationPage(item, true);
    }

    @POST
    @Path(ITEM + "delete/")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@BeanParam ItemRequest item, MultivaluedMap<String, String> form) {
        return withOwnedPost(item, form, (page, client) -> {
            registrations.delete(client);
            return Response.seeOther(URI.create("/o/applications/")).build();
        });
    }

    /**
     * A submitted application form: {@code save} runs unless a field holds a NUL; what it or the registration
     * rejects shows on the form again, with a 400.
     */
    private Response submitted(PageContext page, Client existing, MultivaluedMap<String, String> form,
                               Function<ApplicationForm, Response> save) {
        ApplicationForm typed = ApplicationForm.of(form);
        Map<String, java.util.List<String>> nul = nulFields(form);
        if (!nul.isEmpty()) {
            return Pages.html(400, formView(page, existing, typed, nul));
        }
        try {
            return save.apply(typed);
        } catch (ClientRegistrationException e) {
            return Pages.html(400, formView(page, existing, typed, e.fieldErrors()));
        }
    }

    /** A NUL cannot be stored (PostgreSQL refuses it) and no field holds one: the form shows it as its error. */
    private static Map<String, java.util.List<String>> nulFields(MultivaluedMap<String, String> form) {
        Map<String, java.util.List<String>> errors = new java.util.LinkedHashMap<>();
        form.forEach((name, values) -> {
            if (values.stream().anyMatch(value -> value != null && value.indexOf('\0') >= 0)) {
                errors.put(name, java.util.List.of("Null characters are not allowed."));
            }
        });
        return errors;
    }

    private ApplicationFormView formView(PageContext page, Client existing, ApplicationForm form,
                                         Map<String, java.util.List<String>> errors) {
        if (existing == null) {
            return new ApplicationFormView(page, "New application", "/o/applications/register/",
                    "/o/applications/", form, errors, scopes, grantLabels, tokenFormats);
        }
        return new ApplicationFormView(page, "Edit " + existing.name(),
                "/o/applications/" + existing.id() + "/update/", "/o/applications/" + existing.id() + "/",
                form, errors, scopes, grantLabels, tokenFormats);
    }

    /** One of the user's applications; {@code confirmDelete} asks whether to delete it. */
    private Response applicationPage(ItemRequest item, boolean confirmDelete) {
        return withOwned(item,
                (page, client) -> Pages.html(200, new ApplicationView(page, client, null, confirmDelete, grantLabels)));
    }

    private interface Action {
        Response apply(PageContext page, Client client);
    }

    /** A form post: signed in, then a good CSRF token. */
    private static Response signedInPost(ContainerRequestContext request, MultivaluedMap<String, String> form,
                                         String loginNext, BiFunction<PageContext, SignedInUser, Response> action) {
        return Pages.signedIn(request, loginNext, (page, user) ->
                Pages.csrfValid(page, form) ? action.apply(page, user) : Pages.csrfFailure(page));
    }

    private Response withOwned(ItemRequest item, Action action) {
        return Pages.signedIn(item.context(), item.context().getUriInfo().getRequestUri().getRawPath(),
                (page, user) -> forOwned(page, user, item.id(), action));
    }

    private Response withOwnedPost(ItemRequest item, MultivaluedMap<String, String> form, Action action) {
        return signedInPost(item.context(), form, "/o/applications/",
                (page, user) -> forOwned(page, user, item.id(), action));
    }

    private Response forOwned(PageContext page, SignedInUser user, String id, Action action) {
        return owned(user, id).map(client -> action.apply(page, client)).orElseGet(() -> Pages.notFound(page));
    }

    /** Someone else's application answers exactly like a missing one: 404, revealing nothing. */
    private Optional<Client> owned(SignedInUser user, String id) {
        try {
            return clients.findById(Long.parseLong(id))
                    .filter(client -> user.staff() || Objects.equals(client.ownerUserId(), user.userId()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
