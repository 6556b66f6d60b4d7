package org.osteobiome.app.report;

import java.util.List;

/** A small self-contained HTML report: headings, paragraphs, figures and tables. */
public final class HtmlPage {
    private final StringBuilder body = new StringBuilder();
    private final String title;
    private String footer = "";

    public HtmlPage(String title) {
        this.title = title;
    }

    public HtmlPage heading(String text) {
        body.append("<h2>").append(escape(text)).append("</h2>\n");
        return this;
    }

    public HtmlPage paragraph(String text) {
        body.append("<p>").append(escape(text)).append("</p>\n");
        return this;
    }

    public HtmlPage figure(String file, String caption) {
        body.append("<figure><img src=\"").append(escape(file)).append("\" alt=\"").append(escape(caption))
                .append("\"><figcaption>").append(escape(caption)).append("</figcaption></figure>\n");
        return this;
    }

    /** Markup this page does not escape: only for inline SVG built by {@link Svg} or fixed HTML of this package. */
    public HtmlPage markup(String html) {
        body.append(html).append('\n');
        return this;
    }

    /** The line at the foot of the page: what made it, when. */
    public HtmlPage footer(String text) {
        footer = "<footer><hr><p>" + escape(text) + "</p></footer>\n";
        return this;
    }

    public HtmlPage link(String file, String text) {
        body.append("<p><a href=\"").append(escape(file)).append("\">").append(escape(text)).append("</a></p>\n");
        return this;
    }

    public HtmlPage table(List<String> header, List<List<String>> rows) {
        body.append("<table><thead><tr>");
        for (String h : header) {
            body.append("<th>").append(escape(h)).append("</th>");
        }
        body.append("</tr></thead><tbody>\n");
        for (List<String> row : rows) {
            body.append("<tr>");
            for (String cell : row) {
                body.append("<td>").append(escape(cell)).append("</td>");
            }
            body.append("</tr>\n");
        }
        body.append("</tbody></table>\n");
        return this;
    }

    public String render() {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title>\n"
                + "<style>body{font-family:sans-serif;max-width:1000px;margin:2em auto;color:#222}"
                + ".notice{background:#fff4d6;border:1px solid #e0b84c;padding:.6em 1em}"
                + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.25em .6em;text-align:right}"
                + "th{background:#f2f2f2}td:first-child{text-align:left}img{max-width:100%}figcaption{color:#555;font-size:90%}</style>\n"
                + "</head><body>\n<h1>" + escape(title) + "</h1>\n<p class=\"notice\">" + escape(TrajectoryWriter.NOTICE)
                + ".</p>\n" + body + footer + "</body></html>\n";
    }

    public static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
