package io.tollgate.fuzz;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Judges one answer: its class for the counts, and every rule it breaks. */
public final class Verdict {
    private static final ObjectMapper JSON = new ObjectMapper();
    // Exception class names, Java stack frames, SQL driver texts: none of it may reach a client.
    private static final Pattern INTERNALS = Pattern.compile(
            "Exception|\\bat (java|jakarta|org|io|com|sun)\\.[\\w.$]+\\(|\\.java:\\d+\\)|PSQL|SQLState|"
                    + "org\\.(h2|postgresql|eclipse|glassfish|jdbi)|Caused by|invalid byte sequence");
    private static final List<String> PAGE_PREFIXES = List.of("/accounts/", "/o/applications", "/o/authorize",
            "/o/authorized_tokens", "/static/");

    private Verdict() {
    }

    /** The class an answer is counted in, e.g. "4xx json" or "5xx". */
    public static String classOf(RawHttp.Reply reply) {
        if (reply.timedOut()) {
            return "timeout";
        }
        if (reply.status() == 0) {
            return "no answer";
        }
        String kind = reply.status() / 100 + "xx";
        if (reply.body().length == 0) {
            return kind + " empty";
        }
        return kind + (isJson(reply) ? " json" : " " + mediaType(reply));
    }

    /** The rules this answer breaks (empty when it is a good answer to that request). */
    public static List<String> problems(FuzzRequest request, RawHttp.Reply reply) {
        List<String> problems = new ArrayList<>();
        if (reply.timedOut()) {
            problems.add("no complete answer within the time-out");
            return problems;
        }
        if (reply.status() == 0) {
            // Closing without an answer is only acceptable for input that is not HTTP at all.
            if (reply.body().length > 0) {
                problems.add("answer without a status line");
            }
            return problems;
        }
        int status = reply.status();
        if (status >= 500 && status != 501 && status != 505) {
            problems.add("status " + status);
        }
        if (INTERNALS.matcher(reply.text()).find()) {
            problems.add("exception text in the body");
        }
        boolean jsonPath = !isPage(request.path());
        boolean hasBody = reply.body().length > 0 && !"HEAD".equals(request.method());
        if (jsonPath && hasBody && !isJson(reply)) {
            problems.add("non-JSON answer (" + mediaType(reply) + ") on an API/OAuth path");
        }
        if (jsonPath && status >= 400 && !hasBody && !"HEAD".equals(request.method())) {
            problems.add("error without a JSON body on an API/OAuth path");
        }
        if (request.mustNotSucceed() && status >= 200 && status < 300) {
            problems.add("2xx for garbage credentials or input no endpoint may accept");
        }
        return problems;
    }

    static boolean isPage(String path) {
        return PAGE_PREFIXES.stream().anyMatch(path::startsWith);
    }

    private static boolean isJson(RawHttp.Reply reply) {
        if (!mediaType(reply).equals("application/json")) {
            return false;
        }
        try {
            JSON.readTree(reply.body());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String mediaType(RawHttp.Reply reply) {
        String type = reply.header("Content-Type");
        if (type == null) {
            return "no content type";
        }
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }
}
