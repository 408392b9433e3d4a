package org.budgetpdf.testutil;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.budgetpdf.Pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A data file built through the real pipeline and read back: what the end-to-end tests look at. */
public final class BuiltPdf implements AutoCloseable {
    public static final Path HOME = Path.of("").toAbsolutePath();

    public final Pipeline.Built built;
    public final byte[] pdf;
    public final PDDocument doc;
    /** Visible text per page, and the same without whitespace. */
    public final List<String> pages;
    public final List<String> squeezed;

    private BuiltPdf(Pipeline.Built built) throws IOException {
        this.built = built;
        this.pdf = built.result().pdf();
        this.doc = Loader.loadPDF(pdf);
        this.pages = PdfText.pageTexts(doc);
        this.squeezed = pages.stream().map(PdfText::squeeze).toList();
    }

    /** Checks (must be clean: warnings allowed) and renders {@code relative} (e.g. "data/x.yaml"). */
    public static BuiltPdf of(String relative) throws Exception {
        return of(HOME.resolve(relative), relative);
    }

    /** As {@link #of(String)} for a file anywhere (a test's edited copy of a data file). */
    public static BuiltPdf of(Path file) throws Exception {
        return of(file, file.getFileName().toString());
    }

    private static BuiltPdf of(Path file, String name) throws Exception {
        Pipeline p = new Pipeline(HOME);
        Pipeline.Checked c = p.check(file, name);
        assertTrue(c.ok(), () -> name + " must check clean: " + c.diags().sorted());
        return new BuiltPdf(p.render(c));
    }

    /** First page (1-based) at or after {@code from} whose visible text contains {@code s}; 0 if none. */
    public int find(String s, int from) {
        String n = PdfText.squeeze(s);
        for (int i = Math.max(0, from - 1); i < squeezed.size(); i++) if (squeezed.get(i).contains(n)) return i + 1;
        return 0;
    }

    /** Visible text of pages {@code from}..{@code to} (1-based, inclusive), whitespace removed. */
    public String text(int from, int to) {
        return String.join("", squeezed.subList(from - 1, to));
    }

    @Override
    public void close() throws IOException {
        doc.close();
    }
}
