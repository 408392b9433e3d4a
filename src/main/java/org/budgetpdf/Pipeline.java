package org.budgetpdf;

import org.budgetpdf.bind.Binder;
import org.budgetpdf.catalog.Catalogs;
import org.budgetpdf.check.Checker;
import org.budgetpdf.check.Context;
import org.budgetpdf.compute.Realize;
import org.budgetpdf.compute.Realized;
import org.budgetpdf.diag.Diagnostics;
import org.budgetpdf.diag.Steps;
import org.budgetpdf.layout.Layout;
import org.budgetpdf.layout.LayoutLoader;
import org.budgetpdf.load.SourceFile;
import org.budgetpdf.load.YamlLoader;
import org.budgetpdf.model.Disclosure;
import org.budgetpdf.render.FontSet;
import org.budgetpdf.render.PdfMeta;
import org.budgetpdf.render.PdfRenderer;
import org.budgetpdf.render.RenderResult;
import org.budgetpdf.render.Report;
import org.budgetpdf.render.Templates;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.nio.file.Path;

/** load → bind → layout → realize → check → render, one file at a time. Configured once, run many times. */
public final class Pipeline {
    private final ProjectHome home;
    private final LayoutLoader layouts;
    private final Map<String, Loaded> loaded = new ConcurrentHashMap<>();
    private final Checker checker;
    private final Catalogs catalogs;
    /** Problems of the clerk's catalog/ folder, read once and added to every file checked (like a layout's). */
    private final List<org.budgetpdf.diag.Diagnostic> catalogProblems;
    private Templates templates;
    private PdfRenderer renderer;
    /** PDF/A-2u as well as PDF/UA-1 (build --pdfa). */
    private volatile boolean archival;

    /** @param home the folder to look for templates/ and fonts/ first (see {@link ProjectHome}) */
    public Pipeline(Path home) {
        this(home, new Checker());
    }

    /** With another checker: tests remove one rule and see which fixture goes red. */
    public Pipeline(Path home, Checker checker) {
        this(ProjectHome.locate(home), checker);
    }

    public Pipeline(ProjectHome home, Checker checker) {
        this.home = home;
        this.layouts = new LayoutLoader(home.templates());
        this.checker = checker;
        Diagnostics own = new Diagnostics();
        this.catalogs = Catalogs.load(home.catalog(), own);
        this.catalogProblems = own.sorted();
    }

    /** A checked file: its source lines, its diagnostics and, when it bound, the realized figures and the layout. */
    /**
     * A checked file: its source lines, its diagnostics and, when it bound, the realized figures and the layout, and
     * the layout's template rendered with them (null when it could not be: the diagnostics say why).
     */
    public record Checked(SourceFile source, Diagnostics diags, Optional<Realized> realized, Optional<Layout> layout,
                          Report report, String xhtml) {
        public boolean ok() {
            return realized.isPresent() && layout.isPresent() && xhtml != null && !diags.hasErrors();
        }

        /**
         * The same without the YAML node tree, which nothing after the check reads (messages need only the lines): a
         * long file's nodes are not kept in memory through layout.
         */
        public Checked withoutNodes() {
            SourceFile lean = new SourceFile(source.name(), source.lines(), null, source.path());
            return new Checked(lean, diags, realized, layout, report, xhtml);
        }
    }

    public record Built(RenderResult result, Report report, String xhtml) {
    }

    public Checked check(Path file, String displayName) {
        Diagnostics diags = new Diagnostics();
        SourceFile src = Steps.time("读入 YAML", () -> new YamlLoader().load(file, displayName, diags));
        return check(src, diags);
    }

    /** The stages after loading, for a file already read (tests parse inline YAML). */
    public Checked check(SourceFile src, Diagnostics diags) {
        catalogProblems.forEach(diags::add);
        Optional<Disclosure> doc = Steps.time("绑定", () -> new Binder().bind(src, diags));
        if (doc.isEmpty()) {
            diags.collapseAliases(org.budgetpdf.load.AliasUses.of(src));
            return new Checked(src, diags, Optional.empty(), Optional.empty(), null, null);
        }
        Disclosure d = doc.get();
        Optional<Layout> layout = chooseLayout(d, diags);
        Realized realized = Steps.time("计算", () -> Realize.of(d, catalogs.forYear(d.catalogYear()),
                layout.isPresent() ? layout.get()::projectCategory : t -> t));
        // The template runs at check, not only at build: a name it uses that this data lacks is an error now, and
        // what it never reads is data the layout does not print (W-UNUSED). Both before the file's 说明 apply.
        Report[] report = {null};
        String[] xhtml = {null};
        Steps.time("检查", () -> {
            checker.check(new Context(d, realized, layout.orElse(null), src, catalogs), diags, found -> {
                if (layout.isEmpty() || found.hasErrors()) return;
                Report rep = new Report(realized, layout.get());
                org.budgetpdf.render.Templates.Rendered out = template(layout.get(), rep, found);
                if (out == null) return;
                org.budgetpdf.check.UnusedData.check(src, layout.get(), out.read(), rep.extrasRead(), found);
                report[0] = rep;
                xhtml[0] = out.xhtml();
            });
            return null;
        });
        Steps.time("字形检查", () -> {
            layout.flatMap(this::glyphs).ifPresent(g -> org.budgetpdf.check.GlyphCheck.check(src, g, diags));
            return null;
        });
        diags.collapseAliases(org.budgetpdf.load.AliasUses.of(src));
        return new Checked(src, diags, Optional.of(realized), layout, report[0], diags.hasErrors() ? null : xhtml[0]);
    }

    /** The layout's template rendered for this file, or null after an E-LAYOUT at the template's line. */
    private org.budgetpdf.render.Templates.Rendered template(Layout layout, Report report, Diagnostics diags) {
        try {
            return Steps.time("模板", () -> templates().renderRecording(layout.template(), report));
        } catch (freemarker.template.TemplateException e) {
            diags.add(org.budgetpdf.render.TemplateErrors.diagnostic(e));
            return null;
        } catch (IOException e) {
            diags.add(org.budgetpdf.render.TemplateErrors.diagnostic(e, layout.template()));
            return null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The layout the file names (版式), else the default layout for its kind and year. */
    private Optional<Layout> chooseLayout(Disclosure d, Diagnostics diags) {
        List<String> names = layouts.names();
        if (!d.layout().isEmpty()) {
            if (!names.contains(d.layout())) {
                diags.error("E-LAYOUT", d.layoutPos(), "没有名为“" + d.layout() + "”的版式",
                        "templates/ 下的版式：" + String.join("、", names) + "。新版式的做法见 README“版式”一节。");
                return Optional.empty();
            }
            Optional<Layout> l = layout(d.layout(), diags);
            if (l.isPresent() && l.get().kind() != d.kind()) {
                diags.error("E-LAYOUT", d.layoutPos(), "版式“" + d.layout() + "”是" + l.get().kind().label() + "的版式，这个文件是"
                        + d.kind().label(), "换用" + d.kind().label() + "的版式，或改正“文档”。");
                return Optional.empty();
            }
            return l;
        }
        overlappingDefaults().forEach(diags::add);
        List<org.budgetpdf.diag.Diagnostic> broken = new java.util.ArrayList<>();
        for (String n : names) {
            Loaded l = loaded(n);
            if (l.layout().isPresent() && l.layout().get().isDefaultFor(d.kind(), d.year())) {
                l.diags().forEach(diags::add);
                return l.layout();
            }
            if (l.layout().isEmpty()) broken.addAll(l.diags());
        }
        if (!broken.isEmpty()) { // perhaps the default layout is one of those that could not be read
            broken.forEach(diags::add);
            return Optional.empty();
        }
        diags.error("E-LAYOUT", org.budgetpdf.diag.SourcePos.fileOnly(d.file()), "没有适用于" + d.year() + "年" + d.kind().label()
                + "的默认版式", "在文件开头写“版式: …”选择一个版式；templates/ 下的版式：" + String.join("、", names) + "。");
        return Optional.empty();
    }

    private List<org.budgetpdf.diag.Diagnostic> overlaps;

    /** Two layouts claiming one 默认年度: every file that relies on the default is told (read once). */
    private synchronized List<org.budgetpdf.diag.Diagnostic> overlappingDefaults() {
        if (overlaps == null) {
            Diagnostics d = new Diagnostics();
            layouts.overlappingDefaults(d);
            overlaps = d.sorted();
        }
        return overlaps;
    }

    /** A layout as loaded (empty when its files have errors) with the problems of its files. */
    private record Loaded(Optional<Layout> layout, List<org.budgetpdf.diag.Diagnostic> diags) {
    }

    private synchronized Loaded loaded(String name) {
        return loaded.computeIfAbsent(name, n -> {
            Diagnostics own = new Diagnostics();
            Optional<Layout> l = layouts.load(n, own);
            // a YAML anchor used by several tables is read once per use: its problem is reported once
            return new Loaded(l, own.sorted().stream().distinct().toList());
        });
    }

    /** A layout, loaded once; its file problems are added to every file that uses it. */
    private Optional<Layout> layout(String name, Diagnostics diags) {
        Loaded l = loaded(name);
        l.diags().forEach(diags::add);
        return l.layout();
    }

    /** Source lines of a layout file or a local catalog file read, by display name (for diagnostics). */
    public synchronized List<String> layoutLines(String displayName) {
        List<String> catalog = catalogs.lines(displayName);
        if (!catalog.isEmpty()) return catalog;
        List<String> lines = layouts.lines(displayName);
        if (!lines.isEmpty() || !displayName.startsWith("templates/")) return lines;
        // a template named by a render error: read from templates/ only
        Path file = home.templates().resolve(displayName.substring("templates/".length())).normalize();
        if (!file.startsWith(home.templates()) || !java.nio.file.Files.isRegularFile(file)) return List.of();
        try {
            return java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** Makes every PDF rendered from now on PDF/A-2u (archival) as well as PDF/UA-1. */
    public Pipeline archival(boolean pdfa) {
        this.archival = pdfa;
        return this;
    }

    /** Renders a document that checked clean. Bytes only: writing the file is the caller's. */
    public Built render(Checked c) throws Exception {
        Realized realized = c.realized().orElseThrow();
        Layout layout = c.layout().orElseThrow();
        Report report = c.report();
        String rendered = c.xhtml();
        String xhtml = glyphs(layout).map(g -> g.withFallbacks(rendered)).orElse(rendered);
        PdfMeta meta = new PdfMeta(head(xhtml, "<title>([^<]*)</title>"), head(xhtml, "<meta name=\"author\" content=\"([^\"]*)\""),
                head(xhtml, "<meta name=\"subject\" content=\"([^\"]*)\""),
                head(xhtml, "<meta name=\"keywords\" content=\"([^\"]*)\""), "zh-CN", realized.doc().publishDate(), archival);
        Set<String> ids = new LinkedHashSet<>();
        Matcher m = Pattern.compile("href=\"#([^\"]+)\"").matcher(xhtml);
        while (m.find()) ids.add(m.group(1));
        RenderResult result = renderer().render(xhtml, layout.folder().toUri().toString(), meta, ids);
        return new Built(result, report, xhtml);
    }

    /**
     * The web page of a document that checked clean ({@code build --html}): made from the same XHTML the PDF is
     * rendered from, so the two cannot say different things. A string only: writing the file is the caller's.
     */
    public String webPage(Checked c) throws org.budgetpdf.render.LayoutRefused {
        return org.budgetpdf.render.WebPage.of(c.xhtml(), c.layout().orElseThrow().folder(), home.fonts());
    }

    /**
     * The workbook of the declared tables the document prints ({@code build --xlsx}): the very table views the PDF is
     * set from, so its figures are the PDF's. Bytes only, like {@link #render}.
     */
    public byte[] workbook(Checked c) throws IOException {
        String xhtml = c.xhtml();
        var info = new org.budgetpdf.export.AnnexWorkbook.Info(head(xhtml, "<title>([^<]*)</title>"),
                head(xhtml, "<meta name=\"author\" content=\"([^\"]*)\""), c.realized().orElseThrow().doc().publishDate());
        return Steps.time("表格文件", () -> org.budgetpdf.export.AnnexWorkbook.write(
                org.budgetpdf.export.AnnexTables.printed(c.report(), xhtml), info));
    }

    private static String head(String xhtml, String regex) {
        Matcher m = Pattern.compile(regex).matcher(xhtml);
        return m.find() ? unescape(m.group(1)) : "";
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }

    private synchronized Templates templates() throws IOException {
        if (templates == null) templates = new Templates(home.templates());
        return templates;
    }

    private FontSet fontSet;
    private final Map<String, Optional<org.budgetpdf.render.Glyphs>> glyphs = new ConcurrentHashMap<>();

    /** What the fonts of fonts/ can draw, as the layout's CSS uses them; empty when the fonts cannot be read. */
    private Optional<org.budgetpdf.render.Glyphs> glyphs(Layout layout) {
        return glyphs.computeIfAbsent(layout.name(), n -> {
            List<Path> css = new java.util.ArrayList<>();
            for (Path dir : List.of(layout.folder().resolveSibling("common"), layout.folder())) {
                try (java.util.stream.Stream<Path> s = java.nio.file.Files.list(dir)) {
                    s.filter(p -> p.toString().endsWith(".css")) // the web page's style sheet draws nothing in the PDF
                            .filter(p -> !p.getFileName().toString().equals(org.budgetpdf.render.WebPage.STYLESHEET)).sorted().forEach(css::add);
                } catch (IOException e) {
                    // the layout loader reports missing files
                }
            }
            try {
                return org.budgetpdf.render.Glyphs.of(fonts(), css);
            } catch (IOException e) {
                return Optional.<org.budgetpdf.render.Glyphs>empty(); // the render names the font problem
            }
        });
    }

    /** The fonts of fonts/, loaded once. */
    private synchronized FontSet fonts() throws IOException {
        if (fontSet == null) {
            Path dir = home.fonts();
            if (!java.nio.file.Files.isDirectory(dir)) {
                throw new org.budgetpdf.render.FontProblem(Path.of("fonts"), org.budgetpdf.render.FontProblem.Kind.FOLDER_MISSING, "no fonts folder");
            }
            fontSet = Steps.time("读入字体", () -> FontSet.load(dir));
        }
        return fontSet;
    }

    /** A font file as the clerk knows it: fonts/<name> when it is in the project's fonts folder. */
    private Path shownFont(Path file) {
        Path abs = file.toAbsolutePath();
        return abs.startsWith(home.fonts().toAbsolutePath()) ? Path.of("fonts").resolve(home.fonts().toAbsolutePath().relativize(abs)) : abs;
    }

    private synchronized PdfRenderer renderer() throws IOException {
        if (renderer == null) {
            FontSet fonts = fonts();
            if (!fonts.problems().isEmpty()) {
                FontSet.Problem p = fonts.problems().get(0);
                throw new org.budgetpdf.render.FontProblem(shownFont(p.file()), java.nio.file.Files.isDirectory(p.file())
                        ? org.budgetpdf.render.FontProblem.Kind.FOLDER_EMPTY : org.budgetpdf.render.FontProblem.Kind.FILE, p.reason());
            }
            renderer = new PdfRenderer(fonts);
        }
        return renderer;
    }
}
