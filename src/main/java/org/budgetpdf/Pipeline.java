package org.budgetpdf;

import org.budgetpdf.bind.Binder;
import org.budgetpdf.catalog.Catalog;
import org.budgetpdf.check.Checker;
import org.budgetpdf.compute.BudgetReport;
import org.budgetpdf.compute.ReportBuilder;
import org.budgetpdf.diag.Diagnostics;
import org.budgetpdf.diag.SourcePos;
import org.budgetpdf.load.SourceFile;
import org.budgetpdf.load.YamlLoader;
import org.budgetpdf.check.FinalRules;
import org.budgetpdf.compute.FinalReport;
import org.budgetpdf.compute.FinalReportBuilder;
import org.budgetpdf.model.BudgetDoc;
import org.budgetpdf.model.Disclosure;
import org.budgetpdf.model.FinalDoc;
import org.budgetpdf.render.FontSet;
import org.budgetpdf.render.PdfMeta;
import org.budgetpdf.render.PdfRenderer;
import org.budgetpdf.render.RenderResult;
import org.budgetpdf.render.Templates;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** load → bind → check → compute → render, one file at a time. Configured once, run many times. */
public final class Pipeline {
    private final Path home;
    private Templates templates;
    private PdfRenderer renderer;

    /** @param home the project folder holding templates/ and fonts/ */
    public Pipeline(Path home) {
        this.home = home;
    }

    /** A checked file: its source lines (for messages), diagnostics and, when it bound, the model. */
    public record Checked(SourceFile source, Diagnostics diags, Optional<Disclosure> doc) {
        public boolean ok() {
            return doc.isPresent() && !diags.hasErrors();
        }
    }

    /** @param report the {@link BudgetReport} or {@link FinalReport} the template was given */
    public record Built(RenderResult result, Object report, String xhtml) {
    }

    public Checked check(Path file, String displayName) {
        Diagnostics diags = new Diagnostics();
        SourceFile src = new YamlLoader().load(file, displayName, diags);
        Optional<Disclosure> doc = new Binder().bindAny(src, diags).map(d -> (Disclosure) d);
        doc.ifPresent(d -> {
            Catalog catalog = Catalog.forYear(d.catalogYear());
            if (d instanceof BudgetDoc b) new Checker(catalog).check(b, diags);
            if (d instanceof FinalDoc f) new FinalRules(catalog).check(f, diags);
        });
        return new Checked(src, diags, doc);
    }

    /** Renders a document of either kind that checked clean. */
    public Built render(Disclosure doc) throws Exception {
        return doc instanceof FinalDoc f ? render(f) : render((BudgetDoc) doc);
    }

    /** 部门决算: final.ftlh. */
    public Built render(FinalDoc doc) throws Exception {
        FinalReport report = new FinalReportBuilder(doc, Catalog.forYear(doc.catalogYear())).build();
        String xhtml = templates().render("final.ftlh", report);
        var meta = report.meta();
        PdfMeta pdfMeta = new PdfMeta(meta.title(), meta.dept(), meta.dept() + meta.year() + "年度部门决算公开",
                meta.keywords(), "zh-CN", doc.publishDate());
        RenderResult result = renderer().render(xhtml, home.resolve("templates").toUri().toString(), pdfMeta,
                new LinkedHashSet<>(TocIds.FINAL));
        return new Built(result, report, xhtml);
    }

    /** Renders a document that checked clean. Bytes only: writing the file is the caller's. */
    public Built render(BudgetDoc doc) throws Exception {
        BudgetReport report = new ReportBuilder(doc, Catalog.forYear(doc.catalogYear())).build();
        String xhtml = templates().render("budget.ftlh", report);
        var meta = report.meta();
        PdfMeta pdfMeta = new PdfMeta(meta.title(), meta.dept(), meta.dept() + meta.year() + "年部门预算公开",
                meta.keywords(), "zh-CN", doc.publishDate());
        Set<String> ids = new LinkedHashSet<>(TocIds.ALL);
        RenderResult result = renderer().render(xhtml, home.resolve("templates").toUri().toString(), pdfMeta, ids);
        return new Built(result, report, xhtml);
    }

    private Templates templates() throws IOException {
        if (templates == null) templates = new Templates(home.resolve("templates"));
        return templates;
    }

    private PdfRenderer renderer() throws IOException {
        if (renderer == null) {
            FontSet fonts = FontSet.load(home.resolve("fonts"));
            if (!fonts.problems().isEmpty()) {
                throw new IOException("字体文件无法读取：" + fonts.problems());
            }
            renderer = new PdfRenderer(fonts);
        }
        return renderer;
    }

    /** Positions for messages about the run itself rather than a line of data. */
    static SourcePos fileOnly(String name) {
        return SourcePos.fileOnly(name);
    }
}
