package org.budgetpdf.render;

import org.budgetpdf.diag.Diagnostic;
import org.budgetpdf.diag.Severity;
import org.budgetpdf.diag.SourcePos;
import org.budgetpdf.load.SourceFile;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What {@link LayoutLint} still finds after the renderer's own fixes, as diagnostics of the data file. Text drawn
 * across a cell's border or off the page is damage (E-PAGE, no PDF is written): it is traced back to the data line
 * that holds it when that line can be found. Everything else is cosmetic (W-PAGE, the PDF is written).
 */
public final class PageFindings {
    private PageFindings() {
    }

    static final String DAMAGE_HINT = "这一页印出来会压住别的文字或被裁掉，所以没有生成 PDF，已有的 PDF 未被改动。多半是这一行的文字太长"
            + "（没有可以折行的地方，例如很长的英文、数字或网址）或金额太大（是否把元当成了万元）：缩短文字、核对金额，"
            + "或在版式的 style.css 中调整列宽、字号。";
    static final String COSMETIC_HINT = "PDF 已生成，请翻到这一页看一看。多半是某段文字或某个名称太长；缩短它，或在版式的 style.css 中调整列宽、字号。";

    public static List<Diagnostic> diagnostics(List<LayoutLint.Finding> lint, SourceFile data) {
        Set<Diagnostic> out = new LinkedHashSet<>(); // the same text cut on several lines of one page is one finding
        for (LayoutLint.Finding f : lint) {
            if (f.damage()) {
                SourcePos at = locate(data, f.text());
                out.add(new Diagnostic("E-PAGE", Severity.ERROR, at, f.toString()
                        + (at.known() ? "（这段文字出自这一行）" : ""), DAMAGE_HINT));
            } else {
                out.add(new Diagnostic("W-PAGE", Severity.WARNING, SourcePos.fileOnly(data.name()), f.toString(), COSMETIC_HINT));
            }
        }
        return List.copyOf(out);
    }

    /**
     * The first data line holding the printed text: as printed, or its first characters (a long text is cut into
     * lines), or as an amount is typed (without thousands separators, without trailing zeros). The file when none does.
     */
    static SourcePos locate(SourceFile data, String printed) {
        String t = printed.strip();
        if (t.isEmpty()) return SourcePos.fileOnly(data.name());
        Set<String> needles = new LinkedHashSet<>();
        needles.add(t);
        if (t.codePointCount(0, t.length()) > 16) needles.add(t.substring(0, t.offsetByCodePoints(0, 16)));
        if (t.matches("-?[0-9,]+(\\.[0-9]+)?")) {
            String plain = t.replace(",", "");
            needles.add(plain);
            if (plain.contains(".")) needles.add(plain.replaceAll("\\.?0+$", ""));
        }
        List<String> lines = data.lines();
        for (String n : needles) {
            if (n.length() < 2) continue;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                int at = line.indexOf(n);
                // a number must not be the tail of a longer one
                if (at >= 0 && (!Character.isDigit(n.charAt(0)) || at == 0 || !Character.isDigit(line.charAt(at - 1)))) {
                    return new SourcePos(data.name(), i + 1, line.codePointCount(0, at) + 1);
                }
            }
        }
        return SourcePos.fileOnly(data.name());
    }
}
