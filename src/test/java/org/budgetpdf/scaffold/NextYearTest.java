package org.budgetpdf.scaffold;

import org.budgetpdf.Pipeline;
import org.budgetpdf.compute.Figures;
import org.budgetpdf.compute.Money;
import org.budgetpdf.compute.Views;
import org.budgetpdf.diag.Diagnostic;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.budgetpdf.scaffold.BlankFileTest.run;
import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code next-year} on each sample, in a copy of data/ (so the checker also compares the new file with the old one, D12):
 * the new file's check lists the review items and nothing else, its 上年 figures are the old file's computed ones, and
 * every year in its text is a review item. {@code next-year --决算} likewise, with the 预算数 equal to the budget's.
 */
class NextYearTest {
    static final Path HOME = BlankFileTest.HOME;
    static final List<String> BUDGETS = List.of("xinxiang-weibin-2025-budget", "xinxiang-hongqi-2021-budget", "xinle-2021-budget");
    static final String FINAL = "jiaozuo-zhongzhan-2021-final";

    static Path copyOfData(Path tmp) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("data"));
        try (Stream<Path> s = Files.list(HOME.resolve("data"))) {
            for (Path p : s.toList()) Files.copy(p, dir.resolve(p.getFileName()));
        }
        return dir;
    }

    static Pipeline.Checked check(Path file) {
        return new Pipeline(HOME).check(file, file.getFileName().toString());
    }

    /** The figures 上年 accepts, as the old file computes them. */
    static Map<String, Money> computed(Figures f, boolean budget) {
        Map<String, Money> m = new LinkedHashMap<>();
        m.put("收支总计", f.total());
        m.put(budget ? "一般公共预算" : "一般公共预算财政拨款支出", f.general());
        m.put("财政拨款收支总计", f.fiscalTotal());
        m.put("政府性基金", f.govFund());
        m.put("国有资本经营", f.stateCapital());
        m.put("基本支出", f.basic());
        m.put("项目支出", f.project());
        return m;
    }

    static void onlyReviews(Pipeline.Checked c) {
        List<Diagnostic> all = c.diags().sorted();
        assertTrue(c.ok(), all.toString());
        assertFalse(all.isEmpty(), "a new year's file has things to review");
        assertEquals(List.of(), all.stream().filter(d -> !d.code().equals("W-REVIEW")).toList(), "only the review items");
    }

    private static final Pattern TEXT_YEAR = Pattern.compile("(?:19|20)\\d{2}年");

    @TestFactory
    Stream<DynamicTest> nextYearOfEachSample(@TempDir Path tmp) throws IOException {
        Path data = copyOfData(tmp);
        return Stream.concat(BUDGETS.stream(), Stream.of(FINAL)).map(name -> DynamicTest.dynamicTest(name, () -> {
            Path old = data.resolve(name + ".yaml");
            BlankFileTest.Run r = run("next-year", old.toString());
            assertEquals(0, r.code(), r.err());
            Pipeline.Checked before = check(old);
            int year = before.realized().orElseThrow().doc().year();
            Path made = data.resolve(name.replace(String.valueOf(year), String.valueOf(year + 1)) + ".yaml");
            assertTrue(r.out().contains("已写出 ") && r.out().contains(made.getFileName().toString()), r.out());
            Pipeline.Checked after = check(made);
            onlyReviews(after);

            Figures was = before.realized().orElseThrow().dept();
            Figures now = after.realized().orElseThrow().dept();
            boolean budget = !name.endsWith("final");
            assertEquals(year + 1, after.realized().orElseThrow().doc().year());
            for (var e : computed(was, budget).entrySet()) assertEquals(e.getValue(), now.prior(e.getKey()), "上年." + e.getKey());
            Views.SanGong s = was.sanGong();
            if (s.given()) {
                assertEquals(s.abroad().amount(), now.sanGong().abroad().prior());
                assertEquals(s.carPurchase().amount(), now.sanGong().carPurchase().prior());
                assertEquals(s.carRunning().amount(), now.sanGong().carRunning().prior());
                assertEquals(s.reception().amount(), now.sanGong().reception().prior());
            }
            if (was.running().amount() != null) assertEquals(was.running().amount(), now.prior("机关运行经费"));
            assertTrue(after.realized().orElseThrow().doc().reasons().given().isEmpty(), "变动原因 cleared");

            String text = Files.readString(made, StandardCharsets.UTF_8);
            assertTrue(text.contains("\n待核对:\n"), text.substring(0, 400));
            // every value of the text that names a year is pointed at by a review item
            List<Integer> reviewed = after.diags().sorted().stream().map(d -> d.pos().line()).toList();
            List<String> lines = after.source().lines();
            int reviewEnd = text.substring(0, text.indexOf("\n文档:")).split("\n", -1).length;
            boolean explained = false;
            for (int i = reviewEnd; i < lines.size(); i++) {
                String l = lines.get(i);
                // 说明 quotes the warnings it explains (their years too): the checker says when one no longer applies
                if (!l.isEmpty() && !l.startsWith(" ") && !l.startsWith("#")) explained = l.startsWith("说明:");
                if (explained) continue;
                int hash = l.indexOf(" #");
                Matcher m = TEXT_YEAR.matcher(hash < 0 ? l : l.substring(0, hash));
                if (!m.find() || l.stripLeading().startsWith("#") || l.contains("上年:")) continue;
                final int line = i + 1;
                boolean near = reviewed.stream().anyMatch(x -> x <= line && x >= line - 3);
                assertTrue(near, "line " + line + " names a year and is not reviewed: " + l);
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> finalAccountsFromEachBudget(@TempDir Path tmp) throws IOException {
        Path data = copyOfData(tmp);
        return BUDGETS.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            Path budget = data.resolve(name + ".yaml");
            BlankFileTest.Run r = run("next-year", "--决算", budget.toString());
            assertEquals(0, r.code(), r.err());
            Path made = data.resolve(name.replace("budget", "final") + ".yaml");
            // in the budget's folder, so the checker compares the 预算数 with the budget's (D12): no difference
            Pipeline.Checked after = check(made);
            onlyReviews(after);
            Figures b = check(budget).realized().orElseThrow().dept();
            Figures f = after.realized().orElseThrow().dept();
            assertEquals(b.general(), f.initialBudget(), "年初预算 = the budget's 一般公共预算");
            assertEquals(b.total(), f.total(), "决算 starts from the budget's figures");
            Views.SanGong s = b.sanGong();
            assertEquals(s.abroad().amount(), f.sanGong().abroad().budget());
            assertEquals(s.carPurchase().amount(), f.sanGong().carPurchase().budget());
            assertEquals(s.carRunning().amount(), f.sanGong().carRunning().budget());
            assertEquals(s.reception().amount(), f.sanGong().reception().budget());
        }));
    }

    @Test
    void theLayoutThatClaimsTheNewYearIsChosen(@TempDir Path tmp) throws IOException {
        String minimal = Files.readString(HOME.resolve("src/test/resources/fixtures/minimal-budget.yaml"), StandardCharsets.UTF_8)
                .replace("年度: 2025\n", "年度: 2024\n版式: henan-2021\n").replace("\"2025-03-01\"", "\"2024-03-01\"");
        Path old = tmp.resolve("d-2024.yaml");
        Files.writeString(old, minimal, StandardCharsets.UTF_8);
        assertEquals(0, run("next-year", old.toString()).code());
        Path made = tmp.resolve("d-2025.yaml");
        String text = Files.readString(made, StandardCharsets.UTF_8);
        assertFalse(text.contains("\n版式:"), "henan-2021 claimed 2024; henan-2025 claims 2025");
        assertTrue(text.contains("\n年度: 2025\n") && text.contains("公开日期: \"2025-03-01\""), text);
        Pipeline.Checked c = check(made);
        onlyReviews(c);
        assertEquals("henan-2025", c.layout().orElseThrow().name());
        assertTrue(c.diags().sorted().stream().anyMatch(d -> d.message().contains("henan-2025")), "the change is a review item");

        // a layout chosen by name (no default year) stays
        Path xinle = tmp.resolve("xinle-2021-budget.yaml");
        Files.copy(HOME.resolve("data/xinle-2021-budget.yaml"), xinle);
        assertEquals(0, run("next-year", "--out", tmp.resolve("新乐2022.yaml").toString(), xinle.toString()).code());
        assertTrue(Files.readString(tmp.resolve("新乐2022.yaml"), StandardCharsets.UTF_8).contains("\n版式: hebei-2021\n"));
    }

    @Test
    void refusals(@TempDir Path tmp) throws IOException {
        Path data = copyOfData(tmp);
        Path old = data.resolve("xinxiang-weibin-2025-budget.yaml");
        Path next = data.resolve("xinxiang-weibin-2026-budget.yaml");
        Files.writeString(next, "已有的文件");
        BlankFileTest.Run r = run("next-year", old.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("已经存在"), r.err());
        assertEquals("已有的文件", Files.readString(next));
        // a file with errors gives no next year: its figures cannot be trusted
        Path broken = tmp.resolve("broken.yaml");
        Files.copy(HOME.resolve("src/test/resources/errors/E-APPROVED.yaml"), broken);
        BlankFileTest.Run b = run("next-year", broken.toString());
        assertEquals(1, b.code());
        assertTrue(b.err().contains("E-APPROVED") && b.err().contains("没有写新文件"), b.err());
        assertFalse(Files.exists(tmp.resolve("broken-2026.yaml")));
        // --决算 needs a budget
        assertEquals(2, run("next-year", "--决算", data.resolve("jiaozuo-zhongzhan-2021-final.yaml").toString()).code());
        assertEquals(2, run("next-year", old.toString(), old.toString()).code(), "one file");
    }

    @Test
    void targetNames() {
        assertEquals("x-2026-budget.yaml", NextYear.targetName("x-2025-budget.yaml", 2025, false));
        assertEquals("某局2022年预算.yaml", NextYear.targetName("某局2021年预算.yaml", 2021, false));
        assertEquals("某局-2022.yaml", NextYear.targetName("某局.yaml", 2021, false));
        assertEquals("x-2025-final.yaml", NextYear.targetName("x-2025-budget.yaml", 2025, true));
        assertEquals("某局2021年决算.yaml", NextYear.targetName("某局2021年预算.yaml", 2021, true));
        assertEquals("某局-final.yaml", NextYear.targetName("某局.yaml", 2021, true));
    }
}
