package org.budgetpdf.check;

import org.budgetpdf.model.DocKind;
import org.budgetpdf.model.GovLevel;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * T15 on the clerk's own words (and, in a test, on the layouts' wording): placeholders, stale years, the department's
 * name doubled or misspelt, repeated words, doubled or mixed punctuation, the wrong level of government, 预算/决算
 * wording of the other kind. Pure: text in, findings (offset, length, message, hint) out.
 */
public final class TextLint {
    /**
     * What the lint knows about the document; {@code year} 0 and {@code name} null skip the checks that need them.
     * {@code amounts}: for a figure's name as clerks write it (收支总计, 基本支出…), the amounts in 万元 a sentence
     * may rightly give for it (this year's, the department's or a unit's, last year's, the budget's).
     */
    public record Env(DocKind kind, int year, GovLevel level, String name, List<String> otherNames,
                      java.util.Map<String, List<java.math.BigDecimal>> amounts,
                      java.util.Map<String, List<java.math.BigDecimal>> shares) {
        public Env(DocKind kind, int year, GovLevel level, String name) {
            this(kind, year, level, name, List.of());
        }

        public Env(DocKind kind, int year, GovLevel level, String name, List<String> otherNames) {
            this(kind, year, level, name, otherNames, java.util.Map.of());
        }

        public Env(DocKind kind, int year, GovLevel level, String name, List<String> otherNames,
                   java.util.Map<String, List<java.math.BigDecimal>> amounts) {
            this(kind, year, level, name, otherNames, amounts, java.util.Map.of());
        }
    }

    /**
     * One finding. {@code secondary}: a finding that is usually the echo of another one at the same place (a doubled
     * word inside a misspelt name, a name off by one character inside a doubled region); dropped when it overlaps one
     * that is not.
     */
    public record Finding(int offset, int length, String message, String hint, boolean secondary) {
        public Finding(int offset, int length, String message, String hint) {
            this(offset, length, message, hint, false);
        }
    }

    private TextLint() {
    }

    private static final Pattern PLACEHOLDER = Pattern.compile(
            "X{2,}|x{3,}|×{2,}|Ｘ{2,}|_{2,}|＿{2,}|…{3,}|待填写|待补充|待定|未填写|此处填写|某某|[（(]略[）)]|\\?{2,}|？{2,}");
    private static final Pattern YEAR = Pattern.compile("(?<![0-9〔\\[（(])((?:19|20)\\d{2})(?=年)");
    private static final Pattern SUBJECT_YEAR = Pattern.compile("(?:我单位|本单位|我局|本局|我部门|本部门|我中心|本中心|我委|本委)((?:19|20)\\d{2})年");
    private static final Pattern REPEATED = Pattern.compile("(\\p{IsHan}{2,4})\\1");
    private static final Pattern DOUBLED_SUFFIX = Pattern.compile("(局|厅|委|院|站|所|队|中心)\\1");
    private static final Pattern PUNCT = Pattern.compile("([，。；：、！？])\\1+|[，；：、][。，；]|。[，；、：]");
    private static final Pattern ASCII_PUNCT = Pattern.compile("(?<=\\p{IsHan}|[，。；：）])[,;](?=\\s*\\p{IsHan})");
    private static final Pattern PROVINCE = Pattern.compile("省级(?=财政当年|部门|预算单位|单位|行政)");
    private static final Pattern FINAL_WORDS = Pattern.compile("(?<!预)决算");
    private static final Pattern BUDGET_WORDS = Pattern.compile("收支预算|预算收支|收入预算|拟安排");
    /**
     * A figure's name followed at once by its amount (“基本支出为129.72万元”, “三公经费预算15.60万元”). Only these
     * tight forms: in “收支总计比上年减少72.13万元” the number is a change, which the words between say.
     */
    private static final Pattern AMOUNT = Pattern.compile(
            "(收支总计|收支总预算|基本支出|项目支出|[“\"]三公[”\"]经费|三公经费|机关运行经费|政府采购)"
                    + "(?:预算数|决算数|预算|决算|总额|合计|共计|安排)?(?:为|是|共|：|:)?\\s*([0-9][0-9,]*(?:\\.[0-9]+)?)\\s*万元");

    /** A share typed after its part and whole (“项目支出占支出总计的92.55%”); the whole as the group of {@link #wholeOf}. */
    private static final Pattern SHARE = Pattern.compile(
            "(基本支出|项目支出)(?:预算数|决算数|预算|决算)?占(?:本年|部门|本部门|本单位)?"
                    + "(收支总计|支出总计|收支总预算|总支出|支出总额|本年支出|支出合计|支出预算|总预算|一般公共预算支出|一般公共预算)"
                    + "(?:的)?(?:比重|比例)?(?:为|是)?\\s*([0-9]+(?:\\.[0-9]+)?)\\s*[%％]");

    /** The key of {@link Env#shares()} for a part of a whole as the text names them: “项目支出|总计”, “基本支出|一般公共预算”. */
    public static String shareKey(String part, String whole) {
        return part + "|" + wholeOf(whole);
    }

    private static String wholeOf(String whole) {
        return whole.startsWith("一般公共预算") ? "一般公共预算" : "总计";
    }

    public static List<Finding> lint(String text, Env env) {
        return lint(text, env, true);
    }

    /**
     * @param narrative false for the description of an indicator or a task, where the other kind's words are normal
     *                  (“决算真实性” is a standard 绩效 indicator of a budget)
     */
    public static List<Finding> lint(String text, Env env, boolean narrative) {
        List<Finding> out = new ArrayList<>();
        if (text == null || text.isEmpty()) return out;
        find(out, PLACEHOLDER, text, 0, m -> "文字中有占位符“" + m + "”",
                "这段文字会原样印在公开文件里；请把占位符换成实际内容。");
        find(out, PUNCT, text, 0, m -> "标点“" + m + "”重复或混用",
                "一处只用一个标点；请删去多余的标点。");
        find(out, ASCII_PUNCT, text, 0, m -> "中文之间用了英文标点“" + m + "”",
                "中文句子里用全角标点（，；）。");
        find(out, DOUBLED_SUFFIX, text, 0, m -> "“" + m + "”重复", "多打了一个字；请删去重复的字。");
        Matcher r = REPEATED.matcher(text);
        while (r.find()) {
            String w = r.group(1);
            if (w.chars().distinct().count() == 1) continue; // 常常、谢谢: a reduplicated character, not a repeated word
            if (env.name() != null && env.name().contains(w + w)) continue;
            out.add(new Finding(r.start(), r.end() - r.start(), "词语“" + w + "”连续写了两遍",
                    "多半是复制粘贴时重复了；请删去一个。"));
        }
        if (env.name() != null && !env.name().isEmpty()) names(text, env.name(), env.otherNames(), out);
        if (env.year() > 0) years(text, env, out);
        if (!env.amounts().isEmpty()) amounts(text, env, out);
        if (!env.shares().isEmpty()) shares(text, env, out);
        if (env.level() != null && env.level() != GovLevel.PROVINCE) {
            find(out, PROVINCE, text, 0, m -> "本部门是" + env.level().label() + "部门，文字却写“省级”",
                    "多半是从省级模板抄来的；请改为“" + env.level().label() + "”。");
        }
        if (!narrative) {
            // no 预算/决算 wording check
        } else if (env.kind() == DocKind.BUDGET) {
            find(out, FINAL_WORDS, text, 0, m -> "部门预算里写了“决算”", "预算文件说的是当年的安排；请核对是不是从决算文件抄来的措辞。");
        } else if (env.kind() == DocKind.FINAL_ACCOUNTS) {
            find(out, BUDGET_WORDS, text, 0, m -> "部门决算里写了预算的措辞“" + m + "”",
                    "决算说的是实际收支；请核对是不是从预算文件抄来的措辞（年初预算、预算数等比较用语可以保留）。");
        }
        out.sort(java.util.Comparator.comparingInt(Finding::offset));
        return withoutEchoes(out);
    }

    /**
     * One finding per fault: a secondary finding overlapping a primary one is the same fault. Linear after the sort
     * (the primaries' ends as a running maximum), so that a text with thousands of findings stays fast.
     */
    static List<Finding> withoutEchoes(List<Finding> sorted) {
        List<Finding> primary = sorted.stream().filter(f -> !f.secondary()).toList();
        int[] starts = new int[primary.size()];
        int[] maxEnd = new int[primary.size()];
        for (int i = 0; i < primary.size(); i++) {
            starts[i] = primary.get(i).offset();
            maxEnd[i] = Math.max(i == 0 ? Integer.MIN_VALUE : maxEnd[i - 1], primary.get(i).offset() + primary.get(i).length());
        }
        List<Finding> kept = new ArrayList<>();
        for (Finding f : sorted) {
            if (f.secondary()) {
                // the primaries starting before f ends; one of them overlaps f when the furthest end passes f's start
                int n = upperBound(starts, f.offset() + f.length() - 1);
                if (n > 0 && maxEnd[n - 1] > f.offset()) continue;
            }
            kept.add(f);
        }
        return kept;
    }

    /** How many of the sorted {@code a} are at most {@code key}. */
    private static int upperBound(int[] a, int key) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= key) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private static void years(String text, Env env, List<Finding> out) {
        int lo = env.year() - 1;
        int hi = env.kind() == DocKind.FINAL_ACCOUNTS ? env.year() + 1 : env.year();
        List<Integer> flagged = new ArrayList<>();
        Matcher s = SUBJECT_YEAR.matcher(text);
        while (s.find()) {
            int y = Integer.parseInt(s.group(1));
            if (y == env.year()) continue;
            flagged.add(s.start(1));
            out.add(new Finding(s.start(1), 4, "说本单位当年情况的句子写了" + y + "年，本文件是" + env.year() + "年"
                            + (env.kind() == DocKind.BUDGET ? "预算" : "决算"),
                    "多半是沿用了上年的文字；请改成" + env.year() + "年，或核对这句话。"));
        }
        Matcher m = YEAR.matcher(text);
        while (m.find()) {
            int y = Integer.parseInt(m.group(1));
            if (y >= lo && y <= hi || flagged.contains(m.start(1))) continue;
            out.add(new Finding(m.start(1), 4, "文字中的" + y + "年既不是本年度（" + env.year() + "年）也不是上年",
                    "多半是沿用了往年的文字；请核对年份。"));
        }
    }

    /** A share typed after a part and its whole that is none of the shares computed for them (at the precision typed). */
    private static void shares(String text, Env env, List<Finding> out) {
        Matcher m = SHARE.matcher(text);
        while (m.find()) {
            List<java.math.BigDecimal> known = env.shares().get(shareKey(m.group(1), m.group(2)));
            if (known == null || known.isEmpty()) continue;
            java.math.BigDecimal typed = new java.math.BigDecimal(m.group(3));
            if (known.stream().anyMatch(k -> k.setScale(typed.scale(), java.math.RoundingMode.HALF_UP).compareTo(typed) == 0)) continue;
            out.add(new Finding(m.start(3), m.end(3) - m.start(3), "文字中写的" + m.group(1) + "占" + m.group(2) + "的比重 "
                            + m.group(3) + "% 与计算出的 " + known.get(0).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString()
                            + "% 不同",
                    "占比由程序从明细算出；这段文字是手写的，会与表格对不上。请删去这个数，或改成算出的数。"));
        }
    }

    /** An amount typed after a figure's name that is none of the amounts computed for that name. */
    private static void amounts(String text, Env env, List<Finding> out) {
        Matcher m = AMOUNT.matcher(text);
        while (m.find()) {
            String label = m.group(1).replaceAll("[“”\"]", "");
            List<java.math.BigDecimal> known = env.amounts().get(label);
            if (known == null || known.isEmpty()) continue;
            java.math.BigDecimal typed = new java.math.BigDecimal(m.group(2).replace(",", ""));
            if (known.stream().anyMatch(k -> k.compareTo(typed) == 0)) continue;
            out.add(new Finding(m.start(2), m.end(2) - m.start(2), "文字中写的" + m.group(1) + " " + m.group(2) + " 万元与计算出的 "
                            + known.get(0).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + " 万元不同",
                    "说明和表格里的数字由程序从明细算出；这段文字是手写的，会与表格对不上。请删去这个数，或改成算出的数。"));
        }
    }

    /** The department's full name, or its name without the city, with one character different. */
    private static void names(String text, String name, List<String> others, List<Finding> out) {
        List<String> forms = new ArrayList<>(List.of(name));
        int city = name.indexOf('市');
        if (city > 0 && city < name.length() - 4) forms.add(name.substring(city + 1));
        for (String f : forms) {
            int at = text.indexOf(f + f);
            if (at >= 0) out.add(new Finding(at, 2 * f.length(), "部门名称“" + f + "”连续写了两遍", "请删去重复的名称。"));
        }
        // region names doubled: 红旗区红旗区
        Matcher region = Pattern.compile("\\p{IsHan}{2,4}?[省市区县]").matcher(name);
        while (region.find()) {
            String r = region.group();
            int at = text.indexOf(r + r);
            if (at >= 0 && forms.stream().noneMatch(f -> text.indexOf(f + f) == at)) {
                out.add(new Finding(at, 2 * r.length(), "“" + r + "”连续写了两遍", "请删去重复的地名。", true));
            }
        }
        List<String> known = new ArrayList<>(others);
        known.add(name);
        nearMisses(text, name, "部门名称", "部门名称要与封面一致；请改正错别字。", known, out);
        // the units' names too (机构设置 names them): long enough that one character off is a typo, not another body
        for (String o : others) {
            if (o.length() >= 6 && !o.equals(name)) {
                nearMisses(text, o, "单位名称", "单位名称要与“单位:”中写的一致；请改正错别字。", known, out);
            }
        }
    }

    /**
     * Places where {@code full} is written one character off (two for a long name), inside the name: the first and
     * last characters match (局 → 委 may be another body). Only places whose first and last characters match are
     * compared, so a long text costs one pass per name.
     */
    private static void nearMisses(String text, String full, String what, String hint, List<String> known, List<Finding> out) {
        // a long name may be two characters off (two typos, or two characters swapped); a short one only one
        int allowed = full.length() >= 8 ? 2 : 1;
        int len = full.length();
        char head = full.charAt(0);
        char tail = full.charAt(len - 1);
        for (int i = text.indexOf(head); i >= 0 && i + len <= text.length(); i = text.indexOf(head, i + 1)) {
            if (text.charAt(i + len - 1) != tail) continue;
            int diff = 0;
            for (int k = 1; k < len - 1 && diff <= allowed; k++) {
                if (text.charAt(i + k) != full.charAt(k)) diff++;
            }
            final int at = i;
            // not another known name (a unit's, the department's)
            if (diff >= 1 && diff <= allowed && known.stream().noneMatch(o -> text.startsWith(o, at))) {
                out.add(new Finding(i, len, "“" + text.substring(i, i + len) + "”与" + what + "“" + full
                        + "”差" + (diff == 1 ? "一" : "两") + "个字", hint, true));
                i += len - 1;
            }
        }
    }

    private static void find(List<Finding> out, Pattern p, String text, int from,
                             java.util.function.Function<String, String> message, String hint) {
        Matcher m = p.matcher(text);
        while (m.find(from)) {
            out.add(new Finding(m.start(), m.end() - m.start(), message.apply(m.group()), hint));
            from = m.end();
            if (from >= text.length()) break;
        }
    }
}
