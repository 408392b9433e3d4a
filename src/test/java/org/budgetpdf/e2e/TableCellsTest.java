package org.budgetpdf.e2e;

import org.budgetpdf.Pipeline;
import org.budgetpdf.layout.Layout;
import org.budgetpdf.testutil.BuiltPdf;
import org.budgetpdf.testutil.Matrix;
import org.budgetpdf.testutil.PdfWords;
import org.budgetpdf.testutil.PdfWords.Word;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every layout (discovered, none named), built with a data file of its kind — the one that chooses it, else the first —
 * and read back: the numbers of a 行次 or 序号 column stand centred under their header, and a “其中：” row of a table
 * is indented under the row above it.
 */
class TableCellsTest {
    static final Path HOME = BuiltPdf.HOME;

    /** One case per layout: the data file that selects the layout itself, else the first file of its kind. */
    static List<Matrix.Case> cases() throws Exception {
        List<Matrix.Case> all = Matrix.cases(HOME);
        Pipeline p = new Pipeline(HOME);
        List<Matrix.Case> out = new ArrayList<>();
        for (Layout l : Matrix.layouts(HOME)) {
            List<Matrix.Case> mine = all.stream().filter(c -> c.layout().name().equals(l.name())).toList();
            Matrix.Case own = null;
            for (Matrix.Case c : mine) {
                var chosen = p.check(c.file(), c.file().getFileName().toString()).layout();
                if (chosen.isPresent() && chosen.get().name().equals(l.name())) {
                    own = c;
                    break;
                }
            }
            if (!mine.isEmpty()) out.add(own != null ? own : mine.get(0));
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> lineNumbersCentredAndSubsetRowsIndented(@TempDir Path dir) throws Exception {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> {
            Path f = dir.resolve(c.layout().name() + "-" + c.file().getFileName());
            Files.writeString(f, c.yaml(), StandardCharsets.UTF_8);
            try (BuiltPdf out = BuiltPdf.of(f)) {
                for (int page = 1; page <= out.pages.size(); page++) {
                    List<Word> words = PdfWords.page(out.doc, page);
                    float footer = out.doc.getPage(page - 1).getMediaBox().getHeight() - 40;
                    lineNumbersCentred(c, page, words, footer);
                    subsetRowsIndented(c, page, words);
                }
            }
        }));
    }

    /**
     * Under a 行次 / 序号 header, each line number of the column (合计 rows too) has its centre on the header's centre.
     * A line number is one or two digits (codes have three or more) within one and a half header widths of the header,
     * wherever the column would set it. The 栏次 row, which numbers the columns, is not a column of line numbers.
     */
    static void lineNumbersCentred(Matrix.Case c, int page, List<Word> words, float footer) {
        List<Float> columnNumberRows = words.stream().filter(w -> w.text().equals("栏次")).map(Word::y).toList();
        for (Word head : words) {
            if (!head.sans() || !(head.text().equals("行次") || head.text().equals("序号"))) continue;
            float reach = 1.5f * (head.x1() - head.x0());
            for (Word w : words) {
                if (w.y() <= head.y() || w.y() > footer || !w.text().matches("\\d{1,2}")) continue;
                if (w.x1() < head.x0() - reach || w.x0() > head.x1() + reach) continue;
                if (columnNumberRows.stream().anyMatch(y -> Math.abs(y - w.y()) < 1)) continue;
                assertEquals(head.centre(), w.centre(), 1.5, c + " page " + page + ": " + head.text() + " “" + w.text() + "”");
            }
        }
    }

    /**
     * A table cell “其中：…” (body face, table size) starts 2 em in from its column, where a row above it starts: 2 em
     * less the 1 mm padding the indent replaces.
     */
    static void subsetRowsIndented(Matrix.Case c, int page, List<Word> words) {
        for (Word w : words) {
            if (w.sans() || w.size() > 10 || !w.text().startsWith("其中")) continue;
            float expected = 2 * w.size() - 72 / 25.4f;
            boolean under = false;
            for (Word above : words) {
                if (above.y() >= w.y() || above.y() < w.y() - 8 * w.size()) continue;
                if (Math.abs(w.x0() - above.x0() - expected) <= 1) under = true;
            }
            assertTrue(under, c + " page " + page + ": “" + w.text() + "” at x " + w.x0()
                    + " is not indented under a row above it");
        }
    }
}
