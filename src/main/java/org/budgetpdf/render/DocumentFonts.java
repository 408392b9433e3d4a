package org.budgetpdf.render;

import org.openpdf.text.pdf.BaseFont;
import org.xhtmlrenderer.css.constants.IdentValue;
import org.xhtmlrenderer.css.value.FontSpecification;
import org.xhtmlrenderer.layout.SharedContext;
import org.xhtmlrenderer.pdf.FontDescription;
import org.xhtmlrenderer.pdf.ITextFSFont;
import org.xhtmlrenderer.pdf.ITextFontResolver;
import org.xhtmlrenderer.render.FSFont;

import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fonts of one document: a font per face of {@link FontSet}, made for the characters the document can show
 * ({@link FontSet.Face#forDocument}), and the resolver that gives Flying Saucer the face a CSS {@code font-family},
 * {@code font-weight} and {@code font-style} ask for.
 *
 * <p>Only the fonts of fonts/: Flying Saucer's own resolver starts with the 14 PDF base fonts (parsing their AFM
 * metrics, a tenth of a second of a cold run) and falls back to Times for a family it does not know, which is not
 * embedded and has no Chinese. Here such a family is drawn with the first face so that layout can finish, and the
 * render then fails naming the family ({@link Resolver#unknownFamilies()}). Faces are matched by weight and style
 * as Flying Saucer's FontFamily does.
 */
final class DocumentFonts {
    /** A face and its font for this document. */
    record Entry(FontSet.Face face, FontDescription description) {
        BaseFont font() {
            return description.getFont();
        }
    }

    private final List<Entry> entries;
    private final Map<String, List<Entry>> byFamily = new HashMap<>();

    private DocumentFonts(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        for (Entry e : entries) {
            for (String family : e.face().families()) {
                byFamily.computeIfAbsent(family.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(e);
            }
        }
        byFamily.values().forEach(l -> l.sort(Comparator.comparingInt(e -> e.description().getWeight())));
    }

    /** Fonts of every face of {@code fonts} for the characters {@code codePoints}. */
    static DocumentFonts of(FontSet fonts, BitSet codePoints) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (FontSet.Face face : fonts.faces()) {
            entries.add(new Entry(face, face.forDocument(codePoints)));
        }
        return new DocumentFonts(entries);
    }

    List<Entry> entries() {
        return entries;
    }

    /** The entry whose font is {@code font}, or null. */
    Entry entryOf(BaseFont font) {
        for (Entry e : entries) {
            if (e.font() == font) return e;
        }
        return null;
    }

    /** A resolver for one layout: it collects the CSS families it could not resolve. */
    Resolver resolver() {
        return new Resolver();
    }

    final class Resolver extends ITextFontResolver {
        private final Set<String> unknown = new TreeSet<>();

        /** No base-14 fonts: see the class comment. */
        @Override
        protected Map<String, org.xhtmlrenderer.pdf.FontFamily> loadFonts() {
            return new HashMap<>();
        }

        @Override
        public FSFont resolveFont(SharedContext context, FontSpecification spec) {
            String[] families = spec.families();
            if (families != null) {
                for (String family : families) {
                    List<Entry> faces = byFamily.get(unquote(family).toLowerCase(Locale.ROOT));
                    FontDescription d = faces == null ? null : match(faces, weight(spec.fontWeight()), spec.fontStyle());
                    if (d != null) return new ITextFSFont(d, spec.size());
                }
            }
            unknown.add("font-family: " + (families == null ? "" : String.join(", ", families)));
            return new ITextFSFont(entries.get(0).description(), spec.size());
        }

        /** The CSS font-family lists no font of fonts/ answered, sorted. */
        Set<String> unknownFamilies() {
            return unknown;
        }
    }

    private static String unquote(String s) {
        String r = s.strip();
        if (r.length() >= 2 && (r.charAt(0) == '"' || r.charAt(0) == '\'') && r.charAt(r.length() - 1) == r.charAt(0)) {
            r = r.substring(1, r.length() - 1);
        }
        return r;
    }

    private static int weight(IdentValue w) {
        try {
            return ITextFontResolver.convertWeightToInt(w);
        } catch (IllegalArgumentException e) {
            return 400;
        }
    }

    /**
     * As Flying Saucer's FontFamily.match: the faces of the style asked for (italic falls back to oblique, oblique to
     * normal, normal to any); the exact weight, else for 500 and less the heaviest lighter one (or the lightest
     * heavier), above 500 the lightest heavier one (or the heaviest lighter). {@code faces} are sorted by weight.
     */
    static FontDescription match(List<Entry> faces, int weight, IdentValue style) {
        List<FontDescription> candidates = new ArrayList<>();
        for (Entry e : faces) {
            if (e.description().getStyle() == style) candidates.add(e.description());
        }
        if (candidates.isEmpty()) {
            if (style == IdentValue.ITALIC) return match(faces, weight, IdentValue.OBLIQUE);
            if (style == IdentValue.OBLIQUE) return match(faces, weight, IdentValue.NORMAL);
            for (Entry e : faces) candidates.add(e.description());
        }
        if (candidates.isEmpty()) return null;
        FontDescription lighter = null;
        FontDescription heavier = null;
        for (FontDescription d : candidates) {
            if (d.getWeight() == weight) return d;
            if (d.getWeight() < weight) lighter = d; // ascending: the last is the heaviest lighter one
            else if (heavier == null) heavier = d;
        }
        if (weight <= 500) return lighter != null ? lighter : heavier;
        return heavier != null ? heavier : lighter;
    }
}
