package org.budgetpdf.testutil;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The words of a PDF page with where and in what font they are set, as PDFBox reads them back: for tests of what a
 * reader sees beyond the text (a column centred, a row indented, a heading set bold). A word is what the text
 * extractor separates by spacing, so the text of one table cell is one word.
 */
public final class PdfWords {
    private PdfWords() {
    }

    /**
     * One word: its text, left and right edge and baseline in points from the page's top left, font size and the
     * font's name without the subset tag (NotoSansSC-Bold …).
     */
    public record Word(int page, String text, float x0, float x1, float y, float size, String font) {
        public float centre() {
            return (x0 + x1) / 2;
        }

        /** Set in the headings' face (Noto Sans SC), not the body's serif. */
        public boolean sans() {
            return font.contains("Sans");
        }
    }

    /** The words of page {@code page} (1-based), top to bottom, left to right. */
    public static List<Word> page(PDDocument doc, int page) {
        List<Word> out = new ArrayList<>();
        try {
            PDFTextStripper s = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> ps) {
                    if (ps.isEmpty() || text.isBlank()) return;
                    TextPosition first = ps.get(0);
                    TextPosition last = ps.get(ps.size() - 1);
                    String font = first.getFont().getName();
                    font = font == null ? "" : font.replaceFirst("^[A-Z]{6}\\+", "");
                    out.add(new Word(page, text.strip(), first.getXDirAdj(), last.getXDirAdj() + last.getWidthDirAdj(),
                            first.getYDirAdj(), first.getFontSizeInPt(), font));
                }
            };
            s.setSortByPosition(false); // in drawing order: a line of a cell is one string, not merged with a line beside it
            s.setStartPage(page);
            s.setEndPage(page);
            s.getText(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The first of {@code words} whose text contains {@code text}; null if none. */
    public static Word first(List<Word> words, String text) {
        for (Word w : words) if (w.text().contains(text)) return w;
        return null;
    }
}
