package io.tollgate.web.ui;

import io.tollgate.oauth.revoke.UserAuthorizations;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The signed-in user's authorized applications, each revocable (DOT's /o/authorized_tokens/). */
@Path("/o/authorized_tokens")
@BrowserPage
@Produces(MediaType.TEXT_HTML)
public class AuthorizedTokensResource {
    private final UserAuthorizations authorized;

    public AuthorizedTokensResource(UserAuthorizations authorized) {
        this.authorized = authorized;
    }

    @GET
    public Response list(@Context ContainerRequestContext request) {
        return Pages.signedIn(request, "/o/authorized_tokens/",
                (page, user) -> Pages.html(200, new AuthorizedTokensView(page, authorized.list(user.userId()))));
    }

    @POST
    @Path("/{applicationId}/revoke/")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@PathParam("applicationId") String applicationId, MultivaluedMap<String, String> form,
                           @Context ContainerRequestContext request) {
        return Pages.csrfChecked(request, form, page -> {
            if (page.user().isEmpty()) {
                return Pages.toLogin("/o/authorized_tokens/");
            }
            try {
                // Scoped to the signed-in user in SQL, so another user's id revokes nothing.
                authorized.revoke(page.user().get().userId(), Long.parseLong(applicationId));
            } catch (NumberFormatException e) {
                return Pages.notFound(page);
            }
            return Response.seeOther(URI.create("/o/authorized_tokens/")).build();
        });
    }
}
