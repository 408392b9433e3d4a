package org.budgetpdf.testutil;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** A web page of build --html parsed by an HTML5 parser (jsoup, as a browser would build the tree), and what every one must be. */
public final class WebPages {
    private WebPages() {
    }

    private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*['\"]?([^'\")]*)", Pattern.CASE_INSENSITIVE);

    public static Document parse(String html) {
        return Jsoup.parse(html);
    }

    /**
     * Self-contained, accessible and free of paged media: language, title, viewport; one h1 and no skipped heading
     * level; every table a data table with a caption and scoped header cells, header rows in thead; in-page links that
     * land; no script, no handler, no request of its own (every src and url() is data:, no link, no import).
     */
    public static Document assertWebPage(String html, String name) {
        assertTrue(html.startsWith("<!doctype html>"), name + ": HTML5 doctype");
        Document d = parse(html);
        assertEquals("zh-CN", d.selectFirst("html").attr("lang"), name);
        assertFalse(d.title().isBlank(), name + ": <title>");
        assertNotNull(d.selectFirst("meta[charset=utf-8]"), name + ": charset");
        Element vp = d.selectFirst("meta[name=viewport]");
        assertTrue(vp != null && vp.attr("content").contains("width=device-width"), name + ": viewport");

        assertEquals(1, d.select("h1").size(), name + ": one h1");
        int previous = 0;
        for (Element h : d.select("h1, h2, h3, h4, h5, h6")) {
            int level = h.normalName().charAt(1) - '0';
            assertTrue(level <= previous + 1, () -> name + ": heading level skipped before <" + h.normalName() + "> " + h.text());
            assertFalse(h.text().isBlank(), name + ": empty heading");
            previous = level;
        }

        assertTrue(d.select("script, noscript, iframe, object, embed, link, base, bookmarks, frame").isEmpty(), name + ": no script, no outside resource");
        for (Element e : d.getAllElements()) {
            for (Attribute a : e.attributes()) {
                assertFalse(a.getKey().toLowerCase().startsWith("on"), () -> name + ": event handler " + a.getKey());
                String v = a.getValue().strip().toLowerCase();
                if (a.getKey().equals("style")) {
                    assertFalse(v.contains("page-break") || v.contains("running(") || v.contains("-fs-"), () -> name + ": paged style " + v);
                }
            }
        }
        Set<String> ids = new HashSet<>();
        for (Element e : d.select("[id]")) assertTrue(ids.add(e.id()), () -> name + ": id twice: " + e.id());
        for (Element a : d.select("a[href]")) {
            String href = a.attr("href");
            assertTrue(href.startsWith("#"), () -> name + ": link out of the page: " + href);
            assertNotNull(d.getElementById(href.substring(1)), () -> name + ": link to nothing: " + href);
        }
        String css = css(d);
        assertFalse(css.contains("@page") || css.contains("target-counter") || css.contains("running("), name + ": print style sheet");
        assertNoRequests(d, name);

        List<Element> tables = d.select("table");
        assertFalse(tables.isEmpty(), name + ": tables");
        for (Element t : tables) {
            Element caption = t.selectFirst("> caption");
            assertTrue(caption != null && !caption.text().isBlank(), () -> name + ": table without caption after " + before(t));
            assertTrue(t.select("th").size() > 0, () -> name + ": table without header cells: " + caption.text());
            for (Element th : t.select("th")) {
                assertTrue(th.attr("scope").equals("col") || th.attr("scope").equals("row"),
                        () -> name + ": th without scope in " + caption.text() + ": " + th.text());
            }
            Element firstRow = t.selectFirst("tr");
            if (firstRow.children().stream().allMatch(c -> c.normalName().equals("th"))) {
                assertEquals("thead", firstRow.parent().normalName(), () -> name + ": header row outside thead in " + caption.text());
            }
            for (Element th : t.select("thead th")) assertEquals("col", th.attr("scope"), name);
            Element box = t.parent();
            assertTrue(box.hasClass("table-scroll") && box.attr("tabindex").equals("0") && box.attr("role").equals("region")
                    && box.attr("aria-labelledby").equals(caption.id()), () -> name + ": scrolling container of " + caption.text());
        }
        return d;
    }

    /** The page's style sheets, as written. */
    public static String css(Document d) {
        StringBuilder sb = new StringBuilder();
        for (Element s : d.select("style")) sb.append(s.data()).append('\n');
        return sb.toString();
    }

    /** Nothing the browser would fetch: every src, every url() of the style sheets and style attributes is data:, no @import, no link. */
    public static void assertNoRequests(Document d, String name) {
        assertTrue(d.select("link, base, iframe, object, embed").isEmpty(), name + ": outside resource");
        for (Element e : d.select("[src]")) assertTrue(e.attr("src").strip().toLowerCase().startsWith("data:"), () -> name + ": src " + e.attr("src"));
        for (Element e : d.select("[style]")) assertNoRequest(e.attr("style"), name);
        assertNoRequest(css(d), name);
        assertFalse(css(d).toLowerCase().contains("@import"), name + ": @import");
    }

    private static void assertNoRequest(String css, String name) {
        Matcher m = CSS_URL.matcher(css);
        while (m.find()) {
            String u = m.group(1).strip();
            if (!u.regionMatches(true, 0, "data:", 0, 5)) fail(name + ": url() not embedded: " + u);
        }
    }

    private static String before(Element t) {
        Element p = t.parent() == null ? null : t.parent().previousElementSibling();
        return p == null ? "?" : p.text();
    }

    /** A cell naming a total: 合计, 本年收入合计, 收支总计, 收入合计：… */
    public static final Pattern TOTAL = Pattern.compile("(合计|总计)[：:]?$");

    /** Rows of a table with a cell naming a total: their cells' text. */
    public static List<List<String>> totalRows(Element table) {
        List<List<String>> out = new ArrayList<>();
        for (Element tr : table.select("tbody tr")) {
            List<String> cells = tr.children().eachText();
            if (cells.stream().anyMatch(s -> TOTAL.matcher(s.strip()).find())) out.add(cells);
        }
        return out;
    }
}
