package org.budgetpdf.render;

import org.budgetpdf.diag.SourcePos;
import org.budgetpdf.layout.TemplateGuard;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.Selector;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The web page of a document ({@code build --html}): the XHTML the PDF is rendered from, from the same template run, so
 * wording, tables and figures cannot differ, made into one self-contained HTML5 file for the department's website.
 * No layout is known here: what the shared conventions of the templates say (a {@code .cover}, a {@code .toc} whose
 * entries are {@code li.l1}–{@code l3}, a table's {@code .table-no} and heading) is used where it is found, and
 * everything else is kept as the template wrote it.
 *
 * <ul>
 *   <li>headings go down one level under a single {@code h1}, the document's title (the cover's lines when they
 *       spell it);</li>
 *   <li>the table of contents becomes a {@code nav} of nested in-page links (page numbers only ever came from the
 *       print style sheet, which is not used);</li>
 *   <li>a table with header cells gets a {@code caption} (its heading, table number and the line above it), its
 *       leading header rows in {@code thead}, {@code scope} on every {@code th}, and a container that scrolls it
 *       sideways on a phone; a table without any (the 部门名称 | 单位 line) is layout, and becomes text;</li>
 *   <li>the style is {@code templates/common/web.css} followed by the layout's own {@code web.css} when it has one,
 *       inlined, with their images as {@code data:} URIs: the page makes no request of its own, not even for a font;
 *       images of the template are inlined the same way, read from the folders the PDF may read;</li>
 *   <li>paged media is removed: the bookmarks, page breaks and other paged properties in {@code style} attributes,
 *       running elements, and what a layout marks {@code class="print-only"};</li>
 *   <li>no scripts: {@code script}, embedded objects and {@code on…} attributes of a template are dropped.</li>
 * </ul>
 * Data strings stay escaped: the page is built as a tree and written by jsoup, never by pasting text. Same XHTML, same
 * bytes.
 */
public final class WebPage {
    private WebPage() {
    }

    /** The web style sheet's name, in templates/common (always) and in a layout's folder (optional, read after). */
    public static final String STYLESHEET = TemplateGuard.WEB_STYLESHEET;

    private static final String HINT = "网页版用 templates/common/web.css 和版式文件夹里的 web.css 排版，只能使用版式文件夹、templates/common "
            + "和 fonts/ 里的图片，不嵌入字体；见 templates/README.md“网页版”。";

    /** Elements a web page of ours never carries: scripts, embedded content, outside style sheets. */
    private static final Set<String> DROPPED = Set.of("script", "noscript", "iframe", "frame", "frameset", "object", "embed",
            "applet", "link", "base", "meta", "style", "bookmarks", "bookmark", "template", "svg", "math", "form");
    private static final Pattern PAGED = Pattern.compile(
            "(?i)^\\s*(page-break-[a-z]+|break-(before|after|inside)|page|orphans|widows|string-set|bookmark-[a-z]+|-fs-[a-z-]+)\\s*$");
    private static final Pattern RUNNING = Pattern.compile("(?i)position\\s*:\\s*running\\(");
    private static final Pattern CSS_RULE = Pattern.compile("([^{}]+)\\{([^{}]*)}");
    private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*(['\"]?)([^'\")]*)\\1\\s*\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern CSS_IMPORT = Pattern.compile("@import\\s+(?:url\\(\\s*)?(['\"])([^'\"]*)\\1\\s*\\)?[^;]*;",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADING = Pattern.compile("h[1-6]");
    private static final Pattern TOC_LEVEL = Pattern.compile("l([1-9])");
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00a0\\u3000]+");

    /**
     * The web page of {@code xhtml}, a document rendered with the layout in {@code layoutFolder}.
     *
     * @param fonts the fonts folder: with the layout's folder and templates/common, where images may come from
     * @throws LayoutRefused when the web style sheets or an image cannot be used (the clerk is told which and why)
     */
    public static String of(String xhtml, Path layoutFolder, Path fonts) throws LayoutRefused {
        Path common = layoutFolder.resolveSibling("common");
        List<Path> roots = List.of(layoutFolder, common, fonts);
        Document source = Jsoup.parse(xhtml, "", Parser.xmlParser());
        Element srcHead = source.selectFirst("head");
        Element srcBody = source.selectFirst("body");
        if (srcBody == null) throw new LayoutRefused(null, "模板生成的文档没有 <body>，无法生成网页版", HINT);

        Document page = Document.createShell("");
        page.outputSettings().syntax(Document.OutputSettings.Syntax.html).prettyPrint(false)
                .charset(StandardCharsets.UTF_8).escapeMode(Entities.EscapeMode.base);
        Element body = page.body();
        for (Node n : srcBody.childNodes()) {
            Node c = html(n);
            if (c != null) body.appendChild(c);
        }
        String title = srcHead == null || srcHead.selectFirst("title") == null ? "" : squeezeSpaces(srcHead.selectFirst("title").text());

        removePrintOnly(body, srcHead);
        cleanStyles(body, layoutFolder, roots);
        demoteHeadings(body);
        Element header = header(body, title.isEmpty() ? "部门预决算公开" : title);
        tableOfContents(body);
        tables(body);
        images(body, layoutFolder, roots);
        Element main = new Element("main");
        for (Node n : new ArrayList<>(body.childNodes())) {
            if (n != header) main.appendChild(n);
        }
        body.appendChild(main);

        Element head = page.head();
        head.appendText("\n");
        head.appendElement("meta").attr("charset", "utf-8");
        head.appendText("\n");
        head.appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
        head.appendText("\n");
        head.appendElement("title").text(title.isEmpty() ? header.text() : title);
        head.appendText("\n");
        for (String[] m : new String[][]{{"author", "author"}, {"subject", "description"}, {"keywords", "keywords"}}) {
            Element meta = srcHead == null ? null : srcHead.selectFirst("meta[name=" + m[0] + "]");
            if (meta != null && !meta.attr("content").isBlank()) {
                head.appendElement("meta").attr("name", m[1]).attr("content", meta.attr("content"));
                head.appendText("\n");
            }
        }
        head.appendElement("style").appendChild(new DataNode("\n" + stylesheets(layoutFolder, common, roots)));
        head.appendText("\n");
        page.selectFirst("html").attr("lang", "zh-CN");
        page.prependChild(new DocumentType("html", "", ""));
        return page.outerHtml() + "\n";
    }

    // ---- from the XML tree of the XHTML to an HTML tree ------------------------------------------------------------

    /** A node of the XHTML as an HTML node (elements get HTML's own tags: {@code <br>} stays void), or null: dropped. */
    private static Node html(Node n) {
        if (n instanceof TextNode t) return new TextNode(t.getWholeText());
        if (!(n instanceof Element e)) return null; // comments, processing instructions
        String name = e.normalName();
        int colon = name.indexOf(':');
        if (colon >= 0 || DROPPED.contains(name)) return null;
        Element c = new Element(name);
        for (Attribute a : e.attributes()) {
            String k = a.getKey().toLowerCase(Locale.ROOT);
            if (k.startsWith("xmlns") || k.contains(":") || k.startsWith("on")) continue;
            String v = a.getValue();
            if ((k.equals("href") || k.equals("src")) && v.strip().toLowerCase(Locale.ROOT).startsWith("javascript:")) continue;
            if (k.equals("srcset")) continue;
            c.attr(a.getKey(), v);
        }
        for (Node child : e.childNodes()) {
            Node h = html(child);
            if (h != null) c.appendChild(h);
        }
        return c;
    }

    // ---- paged media ------------------------------------------------------------------------------------------------

    /** What only print has: {@code class="print-only"}, and running elements (headers and footers of the pages). */
    private static void removePrintOnly(Element body, Element srcHead) {
        body.select(".print-only").remove();
        for (Element e : body.select("[style]")) {
            if (RUNNING.matcher(e.attr("style")).find()) e.remove();
        }
        String css = srcHead == null ? "" : String.join("\n", styleTexts(srcHead));
        Matcher m = CSS_RULE.matcher(css.replaceAll("(?s)/\\*.*?\\*/", ""));
        while (m.find()) {
            if (!RUNNING.matcher(m.group(2)).find()) continue;
            String selector = m.group(1).strip();
            if (selector.isEmpty() || selector.contains("@")) continue;
            try {
                body.select(selector).remove();
            } catch (Selector.SelectorParseException e) {
                // a selector jsoup does not know: the element stays (the web style sheet can hide it)
            }
        }
    }

    private static List<String> styleTexts(Element head) {
        List<String> out = new ArrayList<>();
        for (Element s : head.select("style")) out.add(s.wholeText());
        return out;
    }

    /** Paged properties out of {@code style} attributes; images in them inlined. */
    private static void cleanStyles(Element body, Path base, List<Path> roots) throws LayoutRefused {
        for (Element e : body.select("[style]")) {
            StringBuilder kept = new StringBuilder();
            for (String decl : e.attr("style").split(";")) {
                int colon = decl.indexOf(':');
                if (decl.isBlank() || colon < 0 || PAGED.matcher(decl.substring(0, colon)).matches()) continue;
                if (kept.length() > 0) kept.append("; ");
                kept.append(decl.strip());
            }
            String style = inlineUrls(kept.toString(), base, roots, null, "");
            if (style.isEmpty()) e.removeAttr("style");
            else e.attr("style", style);
        }
    }

    // ---- structure --------------------------------------------------------------------------------------------------

    /** h1–h5 one level down: the page's only h1 is its title. */
    private static void demoteHeadings(Element body) {
        for (Element h : body.select("h1, h2, h3, h4, h5")) h.tagName("h" + (h.normalName().charAt(1) - '0' + 1));
    }

    /**
     * The cover as the page's header: an h1 with the title; when the cover's lines spell the title, the h1 is made of
     * them (one line each, as on the cover). Cover lines that are not part of the title (the date) stay as paragraphs.
     */
    private static Element header(Element body, String title) {
        Element cover = body.selectFirst(".cover");
        Element header = new Element("header").addClass("cover");
        Element h1 = header.appendElement("h1");
        if (cover == null) {
            h1.text(title);
            body.prependChild(header);
            return header;
        }
        if (cover.hasAttr("id")) header.id(cover.id());
        String t = squeeze(title);
        List<Element> inTitle = new ArrayList<>();
        StringBuilder spelled = new StringBuilder();
        for (Element line : cover.children()) {
            String s = squeeze(line.text());
            if (!s.isEmpty() && t.contains(s)) {
                inTitle.add(line);
                spelled.append(s);
            }
        }
        if (spelled.toString().equals(t)) {
            for (Element line : inTitle) h1.appendChild(new Element("span").attr("class", line.className()).text(line.text()));
        } else {
            h1.text(title);
        }
        for (Element line : cover.children()) {
            if (inTitle.contains(line) || line.text().isBlank()) continue;
            Element p = header.appendElement("p");
            if (!line.className().isEmpty()) p.attr("class", line.className());
            for (Node n : new ArrayList<>(line.childNodes())) p.appendChild(n);
        }
        cover.remove();
        body.prependChild(header);
        return header;
    }

    /** The contents as a nav of nested lists (the entries are li.l1, li.l2, li.l3 in one list). */
    private static void tableOfContents(Element body) {
        Element toc = body.selectFirst(".toc");
        if (toc == null) return;
        toc.tagName("nav");
        Element heading = toc.selectFirst("h1, h2, h3, h4, h5, h6");
        if (heading != null) {
            if (heading.id().isEmpty()) heading.id(freeId(body, "toc-title"));
            toc.attr("aria-labelledby", heading.id());
        } else {
            toc.attr("aria-label", "目录");
        }
        for (Element list : toc.select("ul, ol")) {
            if (list.parent() != null && list.parent().normalName().equals("li")) continue; // nested already
            List<Element> items = list.children().stream().filter(c -> c.normalName().equals("li")).toList();
            if (items.stream().noneMatch(li -> level(li) > level(items.get(0)))) continue;
            List<Open> open = new ArrayList<>(List.of(new Open(level(items.get(0)), list)));
            for (Element li : items) {
                int level = level(li);
                while (open.size() > 1 && level < open.get(open.size() - 1).level) open.remove(open.size() - 1);
                Open top = open.get(open.size() - 1);
                if (level > top.level && top.last != null) {
                    top = new Open(level, top.last.appendElement(list.normalName()));
                    open.add(top);
                }
                top.list.appendChild(li);
                top.last = li;
            }
            for (Node n : new ArrayList<>(list.childNodes())) {
                if (n instanceof TextNode t && t.isBlank()) n.remove(); // the line breaks the moved entries stood between
            }
        }
    }

    /** A list of the contents being filled: the level of its entries and its last entry (deeper ones nest under it). */
    private static final class Open {
        final int level;
        final Element list;
        Element last;

        Open(int level, Element list) {
            this.level = level;
            this.list = list;
        }
    }

    private static int level(Element li) {
        for (String c : li.classNames()) {
            Matcher m = TOC_LEVEL.matcher(c);
            if (m.matches()) return Integer.parseInt(m.group(1));
        }
        return 1;
    }

    /** Tables: layout tables become text; data tables get a caption, thead, scope and a scrolling container. */
    private static void tables(Element body) {
        // the heading each table follows, in document order, before anything moves
        Map<Element, Element> headingOf = new IdentityHashMap<>();
        Element lastHeading = null;
        for (Element e : body.getAllElements()) {
            if (HEADING.matcher(e.normalName()).matches()) lastHeading = e;
            else if (e.normalName().equals("table") && lastHeading != null) headingOf.put(e, lastHeading);
        }
        Set<Element> lines = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element t : body.select("table")) {
            if (t.select("th").isEmpty()) lines.add(flatten(t));
        }
        Map<Element, Integer> uses = new IdentityHashMap<>();
        List<Element> headings = body.select("h1, h2, h3, h4, h5, h6");
        Set<String> captions = new java.util.HashSet<>();
        int n = 0;
        for (Element t : body.select("table")) {
            n++;
            rowGroups(t);
            headerRows(t);
            for (Element th : t.select("th")) {
                if (th.text().isBlank() && th.select("img").isEmpty()) th.tagName("td"); // a blank corner heads nothing
            }
            scopes(t);
            Element caption = t.selectFirst("> caption");
            if (caption == null) {
                String text = captionText(t, headingOf.get(t), uses, lines);
                if (!captions.add(text)) text = distinct(text, headingOf.get(t), headings, captions);
                caption = new Element("caption").addClass("visually-hidden").text(text);
                t.prependChild(caption);
            }
            if (caption.id().isEmpty()) caption.id(freeId(body, "table-" + n + "-caption"));
            Element scroll = new Element("div").addClass("table-scroll").attr("role", "region").attr("tabindex", "0")
                    .attr("aria-labelledby", caption.id());
            t.replaceWith(scroll);
            scroll.appendChild(t);
        }
    }

    /** A table without header cells (the 部门名称 | 单位 line above a table) as a line of text. */
    private static Element flatten(Element t) {
        Element div = new Element("div");
        t.attributes().forEach(a -> div.attr(a.getKey(), a.getValue()));
        List<Element> rows = t.select("tr");
        for (Element tr : rows) {
            Element into = rows.size() == 1 ? div : div.appendElement("div").addClass("row");
            for (Element cell : tr.children()) {
                if (cell.text().isBlank() && cell.select("img").isEmpty()) continue;
                if (!into.children().isEmpty()) into.appendText(" ");
                Element span = into.appendElement("span");
                if (!cell.className().isEmpty()) span.attr("class", cell.className());
                for (Node c : new ArrayList<>(cell.childNodes())) span.appendChild(c);
            }
        }
        t.replaceWith(div);
        return div;
    }

    /** Rows written straight into the table go into a tbody, as the HTML parser would put them. */
    private static void rowGroups(Element t) {
        Element group = null;
        for (Element c : new ArrayList<>(t.children())) {
            if (c.normalName().equals("tr")) {
                if (group == null) {
                    group = new Element("tbody");
                    c.before(group);
                }
                group.appendChild(c);
            } else {
                group = null;
            }
        }
    }

    /** Without a thead, the leading rows made of header cells only are the header rows (unless a cell spans past them). */
    private static void headerRows(Element t) {
        if (t.selectFirst("> thead") != null) return;
        Element first = t.selectFirst("> tbody");
        if (first == null) return;
        List<Element> rows = new ArrayList<>();
        for (Element tr : first.children()) {
            if (!tr.normalName().equals("tr") || tr.children().isEmpty() || !tr.children().stream().allMatch(c -> c.normalName().equals("th"))) break;
            rows.add(tr);
        }
        if (rows.isEmpty() || rows.size() == first.children().size()) return;
        for (int i = 0; i < rows.size(); i++) {
            for (Element c : rows.get(i).children()) {
                if (i + span(c, "rowspan") > rows.size()) return;
            }
        }
        Element thead = new Element("thead");
        first.before(thead);
        for (Element tr : rows) thead.appendChild(tr);
    }

    /**
     * scope on every th a template left without one: in thead a column header; in the body a row header, except in a
     * row of header cells only (a header row inside the body: 一级指标 | 二级指标 …), whose first cell is still the
     * row header when it spans several rows (年度主要任务 above its tasks).
     */
    private static void scopes(Element t) {
        for (Element th : t.select("th")) {
            if (th.hasAttr("scope")) continue;
            Element tr = th.parent();
            boolean inHead = tr != null && tr.parent() != null && tr.parent().normalName().equals("thead");
            String scope;
            if (inHead) {
                scope = "col";
            } else {
                boolean allHeaders = tr != null && tr.children().stream().allMatch(c -> c.normalName().equals("th"));
                boolean first = tr != null && tr.child(0) == th;
                scope = allHeaders && !(first && span(th, "rowspan") > 1) ? "col" : "row";
            }
            th.attr("scope", scope);
        }
    }

    private static int span(Element cell, String attr) {
        try {
            return Math.max(1, Integer.parseInt(cell.attr(attr).strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /**
     * The table's title: a {@code .table-caption} paragraph just above it (a title that is no heading), else the heading
     * the table follows with the table number before it ("（续）" for the second table under one heading); then the line
     * above the table (部门名称, 单位) in brackets.
     */
    private static String captionText(Element t, Element heading, Map<Element, Integer> uses, Set<Element> lines) {
        StringBuilder sb = new StringBuilder();
        Element title = t.previousElementSibling();
        if (title != null && lines.contains(title)) title = title.previousElementSibling();
        if (title != null && title.hasClass("table-caption") && !title.text().isBlank()) {
            sb.append(squeezeSpaces(title.text()));
        } else if (heading != null) {
            Element before = heading.previousElementSibling();
            if (before != null && before.hasClass("table-no")) sb.append(squeezeSpaces(before.text())).append(' ');
            sb.append(squeezeSpaces(heading.text()));
            int used = uses.merge(heading, 1, Integer::sum);
            if (used > 1) sb.append("（续）");
        } else {
            sb.append("表格");
        }
        Element above = t.previousElementSibling();
        if (above != null && lines.contains(above)) {
            List<String> parts = above.select("span").eachText().stream().map(WebPage::squeezeSpaces).filter(s -> !s.isEmpty()).toList();
            if (!parts.isEmpty()) sb.append("（").append(String.join("，", parts)).append("）");
        }
        return sb.toString();
    }

    /**
     * A caption already given to another table (the same section in each unit's part) with the heading of the part it
     * is in before it, so that every table, and its scrolling region, has a name of its own.
     */
    private static String distinct(String text, Element heading, List<Element> headings, Set<String> used) {
        int at = heading == null ? -1 : headings.indexOf(heading);
        int level = heading == null ? 7 : heading.normalName().charAt(1) - '0';
        for (int i = at - 1; i >= 0; i--) {
            Element h = headings.get(i);
            if (h.normalName().charAt(1) - '0' < level) {
                String named = squeezeSpaces(h.text()) + " " + text;
                if (used.add(named)) return named;
                level = h.normalName().charAt(1) - '0';
            }
        }
        for (int n = 2; ; n++) {
            if (used.add(text + "（" + n + "）")) return text + "（" + n + "）";
        }
    }

    // ---- resources ----------------------------------------------------------------------------------------------------

    /** The template's images as data: URIs, read from the folders the PDF may read. */
    private static void images(Element body, Path base, List<Path> roots) throws LayoutRefused {
        for (Element img : body.select("img[src]")) img.attr("src", dataUri(img.attr("src"), base, roots));
    }

    /** common/web.css, then the layout's web.css when it has one, with imports and images inlined. */
    private static String stylesheets(Path layoutFolder, Path common, List<Path> roots) throws LayoutRefused {
        Path shared = common.resolve(STYLESHEET);
        if (!Files.isRegularFile(shared)) {
            throw new LayoutRefused(null, "找不到网页版的样式表 templates/common/" + STYLESHEET,
                    "它随项目提供：从项目的原始副本或 git 恢复 templates/common/" + STYLESHEET + "。" + HINT);
        }
        StringBuilder css = new StringBuilder(css(shared, layoutFolder, roots, 0));
        Path own = layoutFolder.resolve(STYLESHEET);
        if (Files.isRegularFile(own)) css.append('\n').append(css(own, layoutFolder, roots, 0));
        if (css.toString().toLowerCase(Locale.ROOT).contains("</style")) {
            throw new LayoutRefused(null, "网页版的样式表里写了“</style”", HINT);
        }
        return css.toString();
    }

    /** A style sheet with its imports and images inlined; like the PDF's, its references resolve against {@code base}, the layout's folder. */
    private static String css(Path file, Path base, List<Path> roots, int depth) throws LayoutRefused {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LayoutRefused(SourcePos.fileOnly(shown(file)), "无法读取网页版的样式表 " + shown(file), "样式表要用 UTF-8 保存。" + HINT);
        }
        Matcher m = CSS_IMPORT.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String url = m.group(2).strip();
            String problem = TemplateGuard.problem(url, base, roots);
            if (problem != null || depth > 8) {
                throw new LayoutRefused(at(file, text, m.start(2)), problem != null ? problem : "网页版的样式表 @import 层数太多", HINT);
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(css(base.resolve(url).normalize(), base, roots, depth + 1)));
        }
        m.appendTail(sb);
        return inlineUrls(sb.toString(), base, roots, file, text);
    }

    /**
     * Each url(…) of {@code css} as a data: URI; {@code file} (the style sheet, or null for a style attribute) and its
     * text as written name the place in a message.
     */
    private static String inlineUrls(String css, Path base, List<Path> roots, Path file, String written) throws LayoutRefused {
        Matcher m = CSS_URL.matcher(css);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String url = m.group(2).strip();
            if (TemplateGuard.fontFile(url)) {
                throw new LayoutRefused(file == null ? null : at(file, written, written.indexOf(url)), TemplateGuard.WEB_FONT_MESSAGE + "（“" + url + "”）",
                        TemplateGuard.WEB_FONT_HINT);
            }
            try {
                m.appendReplacement(sb, Matcher.quoteReplacement("url(\"" + dataUri(url, base, roots) + "\")"));
            } catch (LayoutRefused r) {
                throw file == null ? r : new LayoutRefused(at(file, written, written.indexOf(url)), r.getMessage(), r.hint());
            }
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String dataUri(String raw, Path base, List<Path> roots) throws LayoutRefused {
        String url = raw.strip();
        if (url.regionMatches(true, 0, "data:", 0, 5) || url.startsWith("#") || url.isEmpty()) return url;
        String problem = TemplateGuard.problem(url, base, roots);
        if (problem != null) throw new LayoutRefused(null, problem.replace("版式引用", "网页版引用"), HINT);
        Path p = base.resolve(url.replaceAll("[?#].*$", "")).normalize();
        String mime = switch (extension(url)) {
            case "png" -> "image/png";
            case "jpg", "jpeg" -> "image/jpeg";
            case "gif" -> "image/gif";
            case "webp" -> "image/webp";
            default -> null;
        };
        if (mime == null) {
            throw new LayoutRefused(null, "网页版不能使用“" + url + "”：网页里的图片要用 PNG、JPEG 或 GIF", HINT);
        }
        try {
            return "data:" + mime + ";base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(p));
        } catch (IOException e) {
            throw new LayoutRefused(null, "网页版引用的文件“" + url + "”无法读取", HINT);
        }
    }

    private static String extension(String url) {
        String path = url.replaceAll("[?#].*$", "");
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static SourcePos at(Path file, String text, int offset) {
        int line = 1;
        int start = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                start = i + 1;
            }
        }
        if (offset < 0) return SourcePos.fileOnly(shown(file));
        return new SourcePos(shown(file), line, text.codePointCount(start, Math.min(offset, text.length())) + 1);
    }

    /** templates/&lt;layout&gt;/web.css as the clerk knows it. */
    private static String shown(Path file) {
        Path parent = file.getParent();
        String folder = parent == null || parent.getFileName() == null ? "" : parent.getFileName() + "/";
        return "templates/" + folder + file.getFileName();
    }

    // ---- small helpers ----------------------------------------------------------------------------------------------

    private static String freeId(Element body, String wanted) {
        String id = wanted;
        for (int i = 2; body.ownerDocument() != null && body.ownerDocument().getElementById(id) != null; i++) id = wanted + "-" + i;
        return id;
    }

    private static String squeeze(String s) {
        return WHITESPACE.matcher(s).replaceAll("");
    }

    /** Runs of blanks (also the ideographic space) as one space, trimmed: a heading's text in a caption or title. */
    private static String squeezeSpaces(String s) {
        return WHITESPACE.matcher(s).replaceAll(" ").strip();
    }
}
