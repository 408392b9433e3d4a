package org.budgetpdf.testutil;

import org.junit.jupiter.api.Assumptions;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Issue 16's two measures of a PDF, taken as a reader takes them, from the PDF alone and with another tool than ours
 * (poppler's {@code pdftotext -bbox-layout}, which groups lines into blocks as it sees them):
 * <ul>
 * <li>a <em>near-empty continuation</em> is a page whose text, the page-number footer aside, ends above 35% of its
 *     height, whose previous page is full (text below 80%), and which opens with no table title (…表) and no part or
 *     section heading;</li>
 * <li>an <em>orphan character</em> is a line, in a block of two or more lines, that holds one Chinese character (plus
 *     closing punctuation) after a line of two or more.</li>
 * </ul>
 * Without pdftotext the caller's test is skipped, saying so; under {@code CI=true} (.ci/run installs poppler-utils) it
 * fails instead.
 */
public final class ReaderMeasures {
    private ReaderMeasures() {
    }

    /** A page that fails the near-empty measure: its number, where its text ends, its first lines. */
    public record NearEmpty(int page, double bottom, List<String> opens) {
        @Override
        public String toString() {
            return String.format("第 %d 页文字止于页高的 %.0f%%，上一页是满的；开头：%s", page, bottom * 100, opens);
        }
    }

    /** A line holding one character after a longer line of its block. */
    public record Orphan(int page, String before, String line) {
        @Override
        public String toString() {
            return "第 " + page + " 页：“" + before + "”之后一行只有“" + line + "”";
        }
    }

    public record Result(int pages, List<NearEmpty> nearEmpty, List<Orphan> orphans) {
    }

    private static final String CLOSING = "，。、；：！？）》」』】〕〉〗”’％%…·";
    private static final Pattern FOOTER = Pattern.compile("[\\s\\-—第页共\\d/]*");
    private static final Pattern TITLED = Pattern.compile(
            ".*表\\s*$|.*表（.*|^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）).*");

    private record Line(String text, double top, double bottom) {
    }

    /** Measures the PDF file; skips (or, under CI, fails) the calling test when pdftotext is not installed. */
    public static Result of(Path pdf) throws Exception {
        String xml = pdftotext(pdf);
        xml = xml.replaceAll("<!DOCTYPE[^>]*>", "");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(false);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        NodeList pageNodes = doc.getElementsByTagName("page");
        List<Double> bottoms = new ArrayList<>();
        List<List<Line>> bodies = new ArrayList<>();
        List<Orphan> orphans = new ArrayList<>();
        for (int p = 0; p < pageNodes.getLength(); p++) {
            Element page = (Element) pageNodes.item(p);
            double height = Double.parseDouble(page.getAttribute("height"));
            List<Line> all = new ArrayList<>();
            NodeList blocks = page.getElementsByTagName("block");
            for (int b = 0; b < blocks.getLength(); b++) {
                List<Line> lines = new ArrayList<>();
                NodeList lineNodes = ((Element) blocks.item(b)).getElementsByTagName("line");
                for (int l = 0; l < lineNodes.getLength(); l++) {
                    Element line = (Element) lineNodes.item(l);
                    StringBuilder text = new StringBuilder();
                    NodeList words = line.getElementsByTagName("word");
                    for (int w = 0; w < words.getLength(); w++) text.append(words.item(w).getTextContent());
                    lines.add(new Line(text.toString(), Double.parseDouble(line.getAttribute("yMin")),
                            Double.parseDouble(line.getAttribute("yMax"))));
                }
                all.addAll(lines);
                for (int i = 1; i < lines.size(); i++) {
                    String t = lines.get(i).text().strip();
                    String core = stripClosing(t);
                    String prev = lines.get(i - 1).text().strip();
                    if (core.codePointCount(0, core.length()) == 1 && han(core.codePointAt(0)) && prev.codePointCount(0, prev.length()) >= 2) {
                        orphans.add(new Orphan(p + 1, prev, t));
                    }
                }
            }
            List<Line> body = all.stream().filter(l -> !FOOTER.matcher(l.text()).matches()).toList();
            bodies.add(body);
            bottoms.add(body.stream().mapToDouble(Line::bottom).max().orElse(0) / height);
        }
        List<NearEmpty> near = new ArrayList<>();
        for (int p = 1; p < bodies.size(); p++) {
            List<Line> body = bodies.get(p);
            if (body.isEmpty() || bottoms.get(p) >= 0.35 || bottoms.get(p - 1) <= 0.80) continue;
            List<String> opens = body.stream().sorted(Comparator.comparingDouble(Line::top)).limit(3).map(Line::text).toList();
            if (opens.stream().anyMatch(t -> TITLED.matcher(t).matches())) continue;
            near.add(new NearEmpty(p + 1, bottoms.get(p), opens));
        }
        return new Result(pageNodes.getLength(), near, orphans);
    }

    private static String stripClosing(String s) {
        int end = s.length();
        while (end > 0 && CLOSING.indexOf(s.charAt(end - 1)) >= 0) end--;
        return s.substring(0, end);
    }

    private static boolean han(int c) {
        return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF);
    }

    private static String pdftotext(Path pdf) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("pdftotext", "-bbox-layout", pdf.toString(), "-").redirectErrorStream(false).start();
        } catch (java.io.IOException e) {
            String why = "没有 pdftotext（Debian 的 poppler-utils）";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) fail("CI=true, but the reader-side measure cannot run: " + why);
            Assumptions.assumeTrue(false, "跳过读者一侧的版面量度：" + why);
            throw e;
        }
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IllegalStateException("pdftotext failed on " + pdf);
        return new String(out, StandardCharsets.UTF_8);
    }
}
