package org.osteobiome.app.web.pages;

import org.osteobiome.app.cli.VersionProvider;
import org.osteobiome.app.web.auth.Principal;

/**
 * HTML for the server-rendered pages. Every value that did not come from this code — names, ids, uploaded text — goes
 * through {@link #esc}; pages carry no inline script (the Content-Security-Policy forbids it), charts read their data
 * from JSON blocks that {@link #json} makes safe to embed.
 */
public final class Html {
    private Html() {
    }

    /** Escapes text for an element's content or a quoted attribute. */
    public static String esc(Object value) {
        String s = String.valueOf(value);
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }

    /** JSON text made safe inside a {@code <script type="application/json">} block (no {@code </script>} can close it). */
    public static String json(String jsonText) {
        return jsonText.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    /** The hidden CSRF field every form that changes something carries. */
    public static String csrf(Principal p) {
        return "<input type=\"hidden\" name=\"_csrf\" value=\"" + esc(p.csrfToken()) + "\">";
    }

    /** A whole page: navigation for a signed-in user (or none), the body, and the research-use footer. */
    public static String page(String title, Principal p, String body) {
        StringBuilder b = new StringBuilder(4096 + body.length());
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(esc(title)).append(" · osteobiome</title>")
                .append("<link rel=\"stylesheet\" href=\"/assets/app.css\">")
                .append("<link rel=\"stylesheet\" href=\"/webjars/uplot/1.6.30/dist/uPlot.min.css\">")
                .append("<script src=\"/webjars/uplot/1.6.30/dist/uPlot.iife.min.js\" defer></script>")
                .append("<script src=\"/assets/app.js\" defer></script>");
        if (p != null && p.csrfToken() != null) {
            b.append("<meta name=\"csrf-token\" content=\"").append(esc(p.csrfToken())).append("\">");
        }
        b.append("</head><body><header><a class=\"brand\" href=\"/\">osteobiome</a>");
        if (p != null) {
            b.append("<nav><a href=\"/\">Projects</a><a href=\"/tokens\">API tokens</a><a href=\"/audit\">Audit log</a>");
            if (p.user().siteAdmin()) {
                b.append("<a href=\"/admin\">Admin</a>");
            }
            b.append("<span class=\"who\">").append(esc(p.user().displayName())).append("</span>")
                    .append("<form method=\"post\" action=\"/logout\" class=\"inline\">").append(csrf(p))
                    .append("<button type=\"submit\">Sign out</button></form></nav>");
        }
        b.append("</header><main>").append(body).append("</main><footer>osteobiome ").append(esc(VersionProvider.version()))
                .append(" · research software for forming and testing hypotheses: not a diagnostic device · "
                        + "<a href=\"/api/openapi.json\">API</a></footer></body></html>\n");
        return b.toString();
    }

    /** A message box (error or notice) for the top of a page. */
    public static String notice(String kind, String message) {
        return message == null ? "" : "<p class=\"" + kind + "\" role=\"" + (kind.equals("error") ? "alert" : "status") + "\">"
                + esc(message) + "</p>";
    }
}
