package io.tollgate.web.oauth;

import io.tollgate.oauth.keys.SigningKeys;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** GET /.well-known/jwks.json (RFC 7517): the public signing keys, current, next and still-needed retired ones. */
@Path("/.well-known/jwks.json")
@Produces(MediaType.APPLICATION_JSON)
public class JwksResource {
    /** Short enough that a rotation reaches relying parties quickly; the next key is published long before. */
    private static final int MAX_AGE_SECONDS = 300;

    private final SigningKeys keys;

    public JwksResource(SigningKeys keys) {
        this.keys = keys;
    }

    @GET
    public Response jwks() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(MAX_AGE_SECONDS);
        return Response.ok(keys.published().toJSONObject(true)).cacheControl(cache).build();
    }
}
