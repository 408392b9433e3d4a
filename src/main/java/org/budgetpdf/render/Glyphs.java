package org.budgetpdf.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which characters the fonts of fonts/ can draw. Flying Saucer draws a run of text with the one font its CSS
 * {@code font-family} names and leaves out, without a word, a character that font lacks. So a character is
 * <em>covered</em> when every family the layout's CSS uses has it; one that only another font in fonts/ has
 * is drawn with that font ({@link #withFallbacks}); one no font has is reported before anything is built.
 *
 * <p>Asks the fonts {@link FontSet} loaded, the same objects that draw the text: their cmaps are read on
 * demand, so the check costs a lookup per distinct character.
 */
public final class Glyphs {
    /** A face: its family (as CSS spells it) and the font that answers "has this character?". */
    private record Face(String family, Set<String> names, FontSet.Face font) {
        boolean named(String css) {
            return names.stream().anyMatch(css::equalsIgnoreCase);
        }

        boolean canDisplay(int cp) {
            return font.canDisplay(cp);
        }
    }

    private static final Pattern FONT_FAMILY = Pattern.compile("font-family\\s*:\\s*([^;}]+)");
    private static final Set<String> GENERIC = Set.of("serif", "sans-serif", "monospace", "cursive", "fantasy", "inherit", "initial");

    private final List<String> cssFamilies;
    private final List<List<Face>> cssFaces;
    private final List<Face> others;
    private final Map<Integer, String> verdict = new ConcurrentHashMap<>();

    private Glyphs(List<String> cssFamilies, List<List<Face>> cssFaces, List<Face> others) {
        this.cssFamilies = cssFamilies;
        this.cssFaces = cssFaces;
        this.others = others;
    }

    /**
     * The fonts of fonts/ as seen by a layout whose CSS files are {@code cssFiles}. Empty when no font loaded
     * (the render reports that, naming the file).
     */
    public static java.util.Optional<Glyphs> of(FontSet fonts, List<Path> cssFiles) {
        List<Face> faces = new ArrayList<>();
        for (FontSet.Face f : fonts.faces()) {
            // Flying Saucer knows a face by each of its family names; the first (sorted) names it in a span.
            faces.add(new Face(f.families().iterator().next(), f.families(), f));
        }
        if (faces.isEmpty()) return java.util.Optional.empty();
        Set<String> families = new LinkedHashSet<>();
        for (Path css : cssFiles) {
            try {
                Matcher m = FONT_FAMILY.matcher(Files.readString(css, StandardCharsets.UTF_8));
                while (m.find()) {
                    for (String fam : m.group(1).split(",")) {
                        String f = fam.strip().replaceAll("^[\"']|[\"']$", "").replace("!important", "").strip();
                        if (!f.isEmpty() && !GENERIC.contains(f.toLowerCase(Locale.ROOT))) families.add(f);
                    }
                }
            } catch (IOException e) {
                // a missing CSS file is the layout loader's to report
            }
        }
        List<String> used = new ArrayList<>();
        List<List<Face>> usedFaces = new ArrayList<>();
        for (String fam : families) {
            List<Face> of = faces.stream().filter(f -> f.named(fam)).toList();
            if (!of.isEmpty()) {
                used.add(fam);
                usedFaces.add(of);
            }
        }
        if (used.isEmpty()) { // the CSS names no font of fonts/: Flying Saucer would fall back to a PDF base font
            for (Face f : faces) {
                if (!used.contains(f.family())) {
                    used.add(f.family());
                    usedFaces.add(faces.stream().filter(x -> x.family().equals(f.family())).toList());
                }
            }
        }
        List<Face> others = faces.stream().filter(f -> usedFaces.stream().noneMatch(l -> l.contains(f))).toList();
        return java.util.Optional.of(new Glyphs(List.copyOf(used), usedFaces, others));
    }

    /** The families the CSS uses that fonts/ provides, in CSS order (for the clerk's hint). */
    public List<String> cssFamilies() {
        return cssFamilies;
    }

    /** Characters that never reach a font: spaces, controls, joiners and variation selectors. */
    public static boolean invisible(int cp) {
        int type = Character.getType(cp);
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.isISOControl(cp)
                || type == Character.FORMAT || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
    }

    /** True when every CSS family has {@code cp}: drawn as the layout intends. */
    public boolean covered(int cp) {
        return verdict(cp).isEmpty();
    }

    /** True when some font in fonts/ can draw {@code cp}. */
    public boolean drawable(int cp) {
        return invisible(cp) || covered(cp) || fallback(cp) != null;
    }

    /** "" when covered, else the family of another font that has it, else null. */
    private String verdict(int cp) {
        return verdict.computeIfAbsent(cp, c -> {
            if (invisible(c)) return "";
            boolean all = true;
            for (List<Face> fam : cssFaces) {
                if (fam.stream().noneMatch(f -> f.canDisplay(c))) {
                    all = false;
                    break;
                }
            }
            if (all) return "";
            for (Face f : others) {
                if (f.canDisplay(c)) return f.family();
            }
            for (List<Face> fam : cssFaces) { // one CSS family has it, another not: use the one that has it
                for (Face f : fam) {
                    if (f.canDisplay(c)) return f.family();
                }
            }
            return "\0";
        });
    }

    private String fallback(int cp) {
        String v = verdict(cp);
        return v.isEmpty() || v.equals("\0") ? null : v;
    }

    /**
     * Wraps each character of the body's text that the CSS fonts lack, but another font of fonts/ has, in a span
     * naming that font, so that Flying Saucer draws it instead of leaving a gap. Tags, attributes and the head
     * are left as they are.
     */
    public String withFallbacks(String xhtml) {
        int body = xhtml.indexOf("<body");
        if (body < 0) return xhtml;
        StringBuilder sb = null;
        boolean inTag = false;
        for (int i = body; i < xhtml.length(); ) {
            int cp = xhtml.codePointAt(i);
            int n = Character.charCount(cp);
            if (cp == '<') inTag = true;
            else if (cp == '>') inTag = false;
            String fam = !inTag && cp > 0x7F ? fallback(cp) : null;
            if (fam != null) {
                if (sb == null) sb = new StringBuilder(xhtml.length() + 256).append(xhtml, 0, i);
                sb.append("<span style=\"font-family: '").append(fam.replace("'", "")).append("'\">")
                  .appendCodePoint(cp).append("</span>");
            } else if (sb != null) {
                sb.appendCodePoint(cp);
            }
            i += n;
        }
        return sb == null ? xhtml : sb.toString();
    }
}
