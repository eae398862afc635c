package io.tollgate.web.ui;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The one stylesheet and the one script (the form_post response page's), served by the application itself (no
 * CDN, so CSP stays 'self').
 */
@Path("/static")
@BrowserPage
public class StaticResource {
    private final byte[] css;
    private final byte[] formPostScript;

    public StaticResource() {
        css = asset("tollgate.css");
        formPostScript = asset("form_post.js");
    }

    private static byte[] asset(String name) {
        try (InputStream in = StaticResource.class.getResourceAsStream("/io/tollgate/web/ui/assets/" + name)) {
            return in.readAllBytes();
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

    @GET
    @Path("/form_post.js")
    @Produces("text/javascript; charset=utf-8")
    public Response formPostScript() {
        return Response.ok(formPostScript).header("Cache-Control", "public, max-age=3600").build();
    }
}
