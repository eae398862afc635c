package io.tollgate.web.ui;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The one stylesheet, served by the application itself (no CDN, so CSP stays 'self'). */
@Path("/static")
@BrowserPage
public class StaticResource {
    private final byte[] css;

    public StaticResource() {
        try (InputStream in = StaticResource.class.getResourceAsStream("/io/tollgate/web/ui/assets/tollgate.css")) {
            css = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Path("/tollgate.css")
    @Produces("text/css; charset=utf-8")
    public Response stylesheet() {
        return Response.ok(css).header("Cache-Control", "public, max-age=3600").build();
    }
}
