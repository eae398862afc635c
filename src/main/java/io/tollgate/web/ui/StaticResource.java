package io.tollgate.web.ui;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The stylesheet and the scripts of the form_post response page and the console's status page, served by the
 * application itself (no CDN, so CSP stays 'self'). A fixed list, read once at start: nothing else under the assets
 * folder is reachable.
 */
@Path("/static")
@BrowserPage
public class StaticResource {
    private static final String ASSETS = "/io/tollgate/web/ui/assets/";
    private record Asset(byte[] bytes, String type) {
    }

    private final Map<String, Asset> assets = Map.of(
            "tollgate.css", load("tollgate.css", "text/css; charset=utf-8"),
            "form_post.js", load("form_post.js", "text/javascript; charset=utf-8"),
            "admin-status.js", load("admin-status.js", "text/javascript; charset=utf-8"),
            "uplot/uPlot.iife.min.js", load("uplot/uPlot.iife.min.js", "text/javascript; charset=utf-8"),
            "uplot/uPlot.min.css", load("uplot/uPlot.min.css", "text/css; charset=utf-8"));

    private static Asset load(String name, String type) {
        try (InputStream in = StaticResource.class.getResourceAsStream(ASSETS + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing asset " + name);
            }
            return new Asset(in.readAllBytes(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Path("/{name: [a-zA-Z0-9._/-]+}")
    public Response asset(@PathParam("name") String name) {
        Asset asset = assets.get(name);
        if (asset == null) {
            throw new NotFoundException();
        }
        return Response.ok(asset.bytes()).type(asset.type()).header("Cache-Control", "public, max-age=3600").build();
    }
}
