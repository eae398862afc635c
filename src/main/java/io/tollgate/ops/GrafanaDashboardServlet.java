package io.tollgate.ops;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * GET /grafana/tollgate.json on the admin port: the Grafana dashboard shipped in the jar (built on the /prometheus
 * names), so an operator imports the one that matches the running version.
 */
public final class GrafanaDashboardServlet extends HttpServlet {
    public static final String PATH = "/grafana/tollgate.json";
    static final String RESOURCE = "/grafana/tollgate.json";
    private static final long serialVersionUID = 1L;
    private final byte[] dashboard;

    public GrafanaDashboardServlet() {
        try (InputStream in = GrafanaDashboardServlet.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The Grafana dashboard is missing from the jar");
            }
            dashboard = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        response.setHeader("Content-Disposition", "attachment; filename=\"tollgate.json\"");
        response.setContentLength(dashboard.length);
        response.getOutputStream().write(dashboard);
    }
}
