package io.tollgate.oidc;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A form_post response page as a browser would read it: the one form's method and action, its hidden fields
 * (HTML entities decoded), and every script element.
 */
record FormPostPage(String method, String action, Map<String, String> fields, List<String> scripts, String html) {
    private static final Pattern FORM = Pattern.compile("<form method=\"([^\"]*)\" action=\"([^\"]*)\"[^>]*>");
    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">");
    private static final Pattern SCRIPT = Pattern.compile("<script[^>]*>[^<]*</script>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ENTITY = Pattern.compile("&(#x?[0-9a-fA-F]+|amp|lt|gt|quot|apos);");

    static FormPostPage of(HttpResponse<String> response) {
        String html = response.body();
        Matcher form = FORM.matcher(html);
        if (!form.find()) {
            throw new AssertionError("no form in the page: " + response.statusCode() + " " + html);
        }
        if (form.find()) {
            throw new AssertionError("more than one form: " + html);
        }
        form.reset().find();
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher hidden = HIDDEN.matcher(html);
        while (hidden.find()) {
            fields.put(unescape(hidden.group(1)), unescape(hidden.group(2)));
        }
        List<String> scripts = SCRIPT.matcher(html).results().map(m -> m.group()).toList();
        return new FormPostPage(form.group(1), unescape(form.group(2)), fields, scripts, html);
    }

    static String unescape(String text) {
        return ENTITY.matcher(text).replaceAll(m -> {
            String entity = m.group(1);
            String decoded = switch (entity) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                default -> Character.toString(entity.startsWith("#x")
                        ? Integer.parseInt(entity.substring(2), 16) : Integer.parseInt(entity.substring(1)));
            };
            return Matcher.quoteReplacement(decoded);
        });
    }
}
