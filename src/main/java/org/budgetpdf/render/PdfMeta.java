package org.budgetpdf.render;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Document information written into the PDF. {@code creationDate} comes from the data (the
 * publication date), never from the clock, so that the same input gives the same bytes.
 * {@code author}, {@code subject} and {@code keywords} may be empty: the entry is then omitted.
 */
public record PdfMeta(String title, String author, String subject, String keywords,
                      String language, LocalDate creationDate) {
    public PdfMeta {
        Objects.requireNonNull(title, "title");
        author = author == null ? "" : author;
        subject = subject == null ? "" : subject;
        keywords = keywords == null ? "" : keywords;
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(creationDate, "creationDate");
    }
}
