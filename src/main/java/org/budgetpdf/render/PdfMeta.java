package org.budgetpdf.render;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Document information written into the PDF. {@code creationDate} comes from the data (the
 * publication date), never from the clock, so that the same input gives the same bytes.
 * {@code author}, {@code subject} and {@code keywords} may be empty: the entry is then omitted.
 * {@code archival}: PDF/A-2u as well as PDF/UA-1 (build --pdfa).
 */
public record PdfMeta(String title, String author, String subject, String keywords,
                      String language, LocalDate creationDate, boolean archival) {
    public PdfMeta(String title, String author, String subject, String keywords, String language, LocalDate creationDate) {
        this(title, author, subject, keywords, language, creationDate, false);
    }

    /** The same, as PDF/A-2u or not. */
    public PdfMeta archival(boolean pdfa) {
        return new PdfMeta(title, author, subject, keywords, language, creationDate, pdfa);
    }

    public PdfMeta {
        Objects.requireNonNull(title, "title");
        author = author == null ? "" : author;
        subject = subject == null ? "" : subject;
        keywords = keywords == null ? "" : keywords;
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(creationDate, "creationDate");
    }
}
