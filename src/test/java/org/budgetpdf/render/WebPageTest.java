package org.budgetpdf.render;

import org.budgetpdf.Pipeline;
import org.budgetpdf.testutil.Matrix;
import org.budgetpdf.testutil.WebPages;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.budgetpdf.testutil.PdfText.squeeze;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The web page of build --html for every layout of templates/ with every data file of its kind (named by no test, so a
 * new layout folder is covered): made from the XHTML the PDF is rendered from, with its headings and tables, and what a
 * web page must be ({@link WebPages#assertWebPage}). Then the conversion's own rules on small documents.
 */
class WebPageTest {
    static final Path HOME = Path.of("").toAbsolutePath();

    @TestFactory
    Stream<DynamicTest> everyLayoutWithEveryDataFileMakesAnAccessibleSelfContainedPage(@TempDir Path dir) throws IOException {
        Pipeline p = new Pipeline(HOME);
        return Matrix.cases(HOME).stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> {
            Path f = dir.resolve(c.layout().name() + "-" + c.file().getFileName());
            Files.writeString(f, c.yaml(), StandardCharsets.UTF_8);
            Pipeline.Checked checked = p.check(f, f.getFileName().toString());
            assertTrue(checked.ok(), () -> checked.diags().sorted().toString());
            String html = p.webPage(checked);
            assertEquals(html, p.webPage(checked), "same XHTML, same page");
            Document page = WebPages.assertWebPage(html, c.toString());
            Document xhtml = Jsoup.parse(checked.xhtml(), "", Parser.xmlParser());

            // the same headings, in the same order, each one level down under the title
            List<String> headings = xhtml.select("body h1, body h2, body h3, body h4, body h5").eachText().stream().map(s -> squeeze(s)).toList();
            List<String> pageHeadings = page.select("main h2, main h3, main h4, main h5, main h6").eachText().stream().map(s -> squeeze(s)).toList();
            assertEquals(headings, pageHeadings);
            for (Element h : xhtml.select("body h1, body h2, body h3, body h4")) {
                Element same = h.id().isEmpty() ? null : page.getElementById(h.id());
                if (same != null) assertEquals("h" + (h.normalName().charAt(1) - '0' + 1), same.normalName(), h.text());
            }
            assertEquals(squeeze(xhtml.title()), squeeze(page.selectFirst("h1").text()), "the h1 is the document's title");

            // every table with header cells, cell for cell; the others are the lines above tables, kept as text
            List<Element> grids = xhtml.select("table").stream().filter(t -> !t.select("th").isEmpty()).toList();
            List<Element> tables = page.select("table");
            assertEquals(grids.size(), tables.size());
            for (int i = 0; i < grids.size(); i++) {
                assertEquals(grids.get(i).select("th, td").eachText(), tables.get(i).select("th, td").eachText(),
                        tables.get(i).selectFirst("caption").text());
            }
            for (Element line : xhtml.select("table").stream().filter(t -> t.select("th").isEmpty()).toList()) {
                String text = squeeze(line.text());
                if (!text.isEmpty()) assertTrue(squeeze(page.body().text()).contains(text), text);
            }
            // every paragraph, and nothing added to the body but the header
            for (Element para : xhtml.select("body p")) {
                assertTrue(squeeze(page.body().text()).contains(squeeze(para.text())), para.text());
            }
            Element visible = page.body().clone();
            visible.select("caption").remove(); // for screen readers: the heading above the table, said again
            assertEquals(squeeze(xhtml.selectFirst("body").text()), squeeze(visible.text()),
                    "the page says what the PDF's XHTML says, in the same order, no more and no less");
        }));
    }

    // ---- the conversion's rules -------------------------------------------------------------------------------------

    static final String STYLE = ".hdr { position: running(header); } @page { @top-center { content: element(header); } }";

    static String doc(String body) {
        return "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"zh-CN\" xml:lang=\"zh-CN\"><head><title>示例局2025年部门预算</title>"
                + "<style type=\"text/css\">" + STYLE + "</style><bookmarks><bookmark name=\"封面\" href=\"#cover\"/></bookmarks></head>"
                + "<body><div class=\"cover\" id=\"cover\"><div class=\"dept\">示例局</div><div class=\"kind\">2025年部门预算</div>"
                + "<div class=\"date\">2025年3月</div></div>" + body + "</body></html>";
    }

    static Path templates(Path tmp) throws IOException {
        Path common = Files.createDirectories(tmp.resolve("templates/common"));
        Files.copy(HOME.resolve("templates/common/web.css"), common.resolve("web.css"));
        Files.createDirectories(tmp.resolve("templates/x"));
        Files.createDirectories(tmp.resolve("fonts"));
        return tmp.resolve("templates/x");
    }

    static Document page(Path layout, String body) throws LayoutRefused {
        return Jsoup.parse(WebPage.of(doc(body), layout, layout.resolveSibling("../fonts").normalize()));
    }

    @Test
    void pagedMediaIsRemoved(@TempDir Path tmp) throws IOException {
        Document d = page(templates(tmp), "<div class=\"hdr\">页眉文字</div><p class=\"print-only\">（见第 3 页）</p>"
                + "<div style=\"position: running(footer)\">页脚</div>"
                + "<h1 style=\"page-break-before: always; -fs-page-sequence: start; color: #333\">第一部分</h1><p>正文<br/>第二行</p>");
        String text = d.body().text();
        assertFalse(text.contains("页眉文字") || text.contains("见第 3 页") || text.contains("页脚"), text);
        assertTrue(d.select("bookmarks, bookmark").isEmpty());
        assertEquals("color: #333", d.selectFirst("h2").attr("style"));
        assertEquals(1, d.select("main p br").size(), "<br/> is one line break");
        assertFalse(d.outerHtml().contains("</br>"));
        assertEquals(List.of("示例局", "2025年部门预算"), d.select("header h1 span").eachText(), "the cover's lines make the title");
        assertEquals("2025年3月", d.selectFirst("header p.date").text());
    }

    @Test
    void theContentsNestByLevelAndKeepTheirLinks(@TempDir Path tmp) throws IOException {
        Document d = page(templates(tmp), "<div class=\"toc\" id=\"toc\"><h1>目　录</h1><ul><li class=\"l1\"><a href=\"#p1\">第一部分</a></li>"
                + "<li class=\"l2\"><a href=\"#s1\">一、职责</a></li><li class=\"l1\"><a href=\"#annex\">附件</a></li>"
                + "<li class=\"l3\"><a href=\"#t1\">预算01表</a></li><li class=\"l3\"><a href=\"#t2\">预算02表</a></li></ul></div>"
                + "<h1 id=\"p1\">第一部分</h1><h2 id=\"s1\">一、职责</h2><h1 id=\"annex\">附件</h1><h2 id=\"t1\">预算01表</h2><h2 id=\"t2\">预算02表</h2>");
        Element nav = d.selectFirst("nav.toc");
        assertEquals(nav.selectFirst("h2").id(), nav.attr("aria-labelledby"));
        assertEquals(List.of("第一部分", "附件"), nav.select("> ul > li > a").eachText());
        assertEquals(List.of("预算01表", "预算02表"), nav.select("> ul > li:eq(1) > ul > li > a").eachText());
        assertEquals("#s1", nav.selectFirst("> ul > li:eq(0) > ul > li > a").attr("href"));
    }

    @Test
    void headerCellsGetScopesAndLeadingHeaderRowsAThead(@TempDir Path tmp) throws IOException {
        Document d = page(templates(tmp), "<h1>附件</h1><p class=\"table-no\">预算11表</p><h2 class=\"table-title\">整体绩效目标表</h2>"
                + "<table class=\"table-meta\"><tr><td>部门名称：示例局</td><td class=\"right\">单位：万元</td></tr></table>"
                + "<table class=\"grid\"><tbody>"
                + "<tr><th>年度履职目标</th><td colspan=\"4\">目标</td></tr>"
                + "<tr><th rowspan=\"2\">年度主要任务</th><th colspan=\"2\">任务名称</th><th colspan=\"2\">主要内容</th></tr>"
                + "<tr><td colspan=\"2\">任务一</td><td colspan=\"2\">内容</td></tr></tbody></table>"
                + "<table class=\"grid\"><tr><th>一级指标</th><th></th></tr><tr><td>产出</td><td>1</td></tr></table>");
        List<Element> tables = d.select("table");
        assertEquals(2, tables.size(), "the line above the tables is text");
        assertEquals("部门名称：示例局 单位：万元", d.selectFirst("div.table-meta").text());
        assertEquals("预算11表 整体绩效目标表（部门名称：示例局，单位：万元）", tables.get(0).selectFirst("caption").text());
        assertEquals("预算11表 整体绩效目标表（续）", tables.get(1).selectFirst("caption").text());
        assertEquals(List.of("row", "row", "col", "col"), tables.get(0).select("th").eachAttr("scope"));
        assertNull(tables.get(0).selectFirst("thead"), "a form whose first row is a label and a value has no header row");
        assertEquals(List.of("一级指标"), tables.get(1).select("thead th").eachText(), "the leading header row goes into a thead");
        assertEquals(List.of("col"), tables.get(1).select("th").eachAttr("scope"));
        assertEquals(1, tables.get(1).select("thead td").size(), "an empty header cell is not a header");
    }

    @Test
    void noScriptEmbeddedObjectOrHandlerOfATemplateSurvives(@TempDir Path tmp) throws IOException {
        Document d = page(templates(tmp), "<h1>一</h1><script>alert(1)</script><p onclick=\"alert(2)\">文字<a href=\"javascript:alert(3)\">链接</a></p>"
                + "<iframe src=\"https://example.org/\"></iframe><object data=\"x.swf\"></object>");
        assertTrue(d.select("script, iframe, object").isEmpty());
        assertFalse(d.outerHtml().contains("alert"), d.outerHtml());
    }

    @Test
    void aLayoutsWebStyleSheetFollowsTheSharedOneWithItsImagesEmbedded(@TempDir Path tmp) throws IOException {
        Path layout = templates(tmp);
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", layout.resolve("seal.png").toFile());
        ImageIO.write(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), "png", layout.resolve("logo.png").toFile());
        Files.writeString(layout.resolve("extra.css"), ".extra { color: #123456; }");
        Files.writeString(layout.resolve("web.css"), "@import \"extra.css\";\n.cover { background: url(seal.png); }\n");
        Document d = page(layout, "<h1>一</h1><p><img src=\"logo.png\" alt=\"标志\"/></p>");
        String css = d.selectFirst("style").data();
        assertTrue(css.indexOf(".visually-hidden") < css.indexOf(".extra { color: #123456; }"), "shared first, then the layout's");
        assertTrue(css.contains(".cover { background: url(\"data:image/png;base64,"), css);
        assertTrue(d.selectFirst("img").attr("src").startsWith("data:image/png;base64,"));
        WebPages.assertNoRequests(d, "layout web.css");
    }

    @Test
    void whatTheWebPageCannotUseIsRefusedInTheClerksWords(@TempDir Path tmp) throws IOException {
        Path layout = templates(tmp);
        Files.writeString(tmp.resolve("templates/common/seal.pdf"), "%PDF-1.4");
        for (String[] c : new String[][]{
                {"<img src=\"https://example.org/logo.png\"/>", "网页版引用了网络上的资源“https://example.org/logo.png”：程序不访问网络"},
                {"<img src=\"../../secret.png\"/>", "网页版引用了版式文件夹以外的文件“../../secret.png”"},
                {"<img src=\"../common/seal.pdf\"/>", "网页版不能使用“../common/seal.pdf”：网页里的图片要用 PNG、JPEG 或 GIF"},
                {"<div style=\"background: url(missing.png)\">x</div>", "网页版引用的文件“missing.png”不存在"}}) {
            LayoutRefused e = assertThrows(LayoutRefused.class, () -> page(layout, c[0]), c[0]);
            assertEquals(c[1], e.getMessage());
        }
        Files.writeString(layout.resolve("web.css"), "body { color: #000; }\n@font-face { font-family: X; src: url(../../fonts/x.ttf); }\n");
        LayoutRefused font = assertThrows(LayoutRefused.class, () -> page(layout, "<p>x</p>"));
        assertTrue(font.getMessage().startsWith("网页版不嵌入字体文件"), font.getMessage());
        assertEquals("templates/x/web.css:2:39", font.pos().toString().replaceAll("^(.*:\\d+:\\d+).*$", "$1"));
        Files.delete(layout.resolve("web.css"));
        Files.delete(tmp.resolve("templates/common/web.css"));
        LayoutRefused missing = assertThrows(LayoutRefused.class, () -> page(layout, "<p>x</p>"));
        assertEquals("找不到网页版的样式表 templates/common/web.css", missing.getMessage());
    }
}
