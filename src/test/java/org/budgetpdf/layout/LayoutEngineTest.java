package org.budgetpdf.layout;

import org.budgetpdf.Pipeline;
import org.budgetpdf.bind.TestDocs;
import org.budgetpdf.diag.Diagnostic;
import org.budgetpdf.testutil.Matrix;
import org.budgetpdf.testutil.PdfText;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.budgetpdf.testutil.PdfText.squeeze;
import static org.junit.jupiter.api.Assertions.*;

/** A layout is a folder: any data file renders in any layout of its kind, and a new layout needs no Java. */
class LayoutEngineTest {
    static final Path HOME = TestDocs.HOME;
    static String withLayout(String yaml, String layout) {
        if (yaml.contains("\n版式:")) return yaml.replaceFirst("\n版式: \\S+", "\n版式: " + layout);
        return yaml.replaceFirst("\n年度: (\\d+)\n", "\n年度: $1\n版式: " + layout + "\n");
    }

    /** Builds inline YAML through the real pipeline; returns the visible text, whitespace removed. */
    static String build(Pipeline p, Path dir, String name, String yaml) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, yaml, StandardCharsets.UTF_8);
        Pipeline.Checked c = p.check(f, name);
        List<Diagnostic> errors = c.diags().sorted().stream().filter(Diagnostic::isError).toList();
        assertTrue(c.ok(), () -> name + ": " + errors);
        byte[] pdf = p.render(c).result().pdf();
        try (PDDocument d = Loader.loadPDF(pdf)) {
            return String.join("", PdfText.pageTexts(d).stream().map(PdfText::squeeze).toList());
        }
    }

    /** Every data file in every layout of its kind (discovered, none named): its 收支总计 is printed. */
    @Test
    void everyFileRendersInEveryLayoutOfItsKind(@TempDir Path dir) throws Exception {
        Pipeline p = new Pipeline(HOME);
        for (Matrix.Case c : Matrix.cases(HOME)) {
            String total = TestDocs.check(Files.readString(c.file(), StandardCharsets.UTF_8)).figures().dept().total().table();
            String text = build(p, dir, c.layout().name() + "-" + c.file().getFileName(), c.yaml());
            assertTrue(text.contains(total), c + ": the total " + total + " is printed");
        }
    }

    @Test
    void aBudgetIsNotPrintedInAFinalAccountsLayout() {
        String yaml = withLayout(TestDocs.real(), "henan-final");
        Diagnostic d = TestDocs.check(yaml).withCode("E-LAYOUT").get(0);
        assertTrue(d.message().contains("是部门决算的版式"), d.message());
    }

    @Test
    void aNewLayoutIsACopiedFolderAndNoJava(@TempDir Path home) throws Exception {
        // a province of our own: copy a layout, rename a table, add a column, change a sentence
        Path templates = home.resolve("templates");
        Files.createDirectories(templates);
        org.budgetpdf.testutil.FileLinks.linkOrCopy(home.resolve("fonts"), HOME.resolve("fonts"));
        copy(HOME.resolve("templates/common"), templates.resolve("common"));
        Path mine = templates.resolve("test-2026");
        copy(HOME.resolve("templates/henan-2025"), mine);
        Path tables = mine.resolve("tables.yaml");
        Files.writeString(tables, Files.readString(tables)
                .replace("标题: \"{年度}年项目支出表\"", "标题: \"{年度}年项目支出明细表\"")
                .replace("    - {标题: 项目单位, 显示: 项目单位, 宽: 14}",
                        "    - {标题: 项目单位, 显示: 项目单位, 宽: 14}\n    - {标题: 项目编码, 显示: 项目编码, 宽: 10}"));
        Path doc = mine.resolve("document.ftlh");
        Files.writeString(doc, Files.readString(doc).replace("九、其他重要事项的情况说明", "九、其他需要说明的事项"));
        Path layout = mine.resolve("layout.yaml");
        Files.writeString(layout, Files.readString(layout).replace("默认年度: 2025-", "默认年度: 2026-"));

        String text = build(new Pipeline(home), home, "t.yaml", withLayout(TestDocs.real(), "test-2026"));
        assertTrue(text.contains("2025年项目支出明细表"));
        assertTrue(text.contains("九、其他需要说明的事项"));
        assertTrue(text.contains(squeeze("城乡居民医保区级配套 新乡市卫滨区医疗保障局本级 410703250000000022001 980.00")), text);
    }

    /**
     * Open grouping: any dimension is a row axis (性质, 单位类型, 资金, 项目类型, 政府经济 …) and axes nest (下). Each
     * table the layout adds is checked like the shipped ones (it adds up, E-TABLE-SUM) and prints the seed's figures.
     */
    @Test
    void anyDimensionIsARowAxisAndAxesNest(@TempDir Path home) throws Exception {
        Path templates = home.resolve("templates");
        Files.createDirectories(templates);
        copy(HOME.resolve("templates/common"), templates.resolve("common"));
        Path mine = templates.resolve("axes");
        copy(HOME.resolve("templates/henan-2025"), mine);
        Path layout = mine.resolve("layout.yaml");
        Files.writeString(layout, Files.readString(layout).replace("默认年度: 2025-", ""));
        String table = """

                %s:
                  标题: "{年度}年%s"
                  列:
                    - {标题: 项目, 显示: 名称, 宽: 60}
                    - {标题: 合计, 取: {}}
                  行:
                    - {名称: 合计, 样式: 合计}
                    - %s
                """;
        String added = table.formatted("按性质", "按性质", "{按: 性质, 格式: \"{名称}支出\", 下: {按: 项目类型, 格式: \"其中：{名称}\"}}")
                + table.formatted("按单位", "按单位", "{按: 单位, 下: {按: 功能, 层级: [项]}}")
                + table.formatted("按资金", "按资金", "{按: 资金}")
                + table.formatted("按单位类型", "按单位类型", "{按: 单位类型}")
                + table.formatted("按政府经济", "按政府经济", "{按: 政府经济, 层级: [类, 款]}");
        Path tables = mine.resolve("tables.yaml");
        Files.writeString(tables, Files.readString(tables) + added);
        Path f = home.resolve("t.yaml");
        Files.writeString(f, withLayout(TestDocs.real(), "axes"), StandardCharsets.UTF_8);
        Pipeline.Checked c = new Pipeline(home).check(f, "t.yaml");
        assertTrue(c.ok(), () -> c.diags().sorted().toString());
        // seed 004: 基本 129.72 + 项目 1,611.01 (其他运转类 11.74 + 特定目标类 1,599.27)
        assertEquals(List.of("合计 1,740.73", "基本支出 129.72", "项目支出 1,611.01", "其中：其他运转类 11.74", "其中：特定目标类 1,599.27"),
                rows(c, "按性质"));
        // units, each over its 项: 309001 = 163.71 + 988.64, 309002 = 588.38
        List<String> byUnit = rows(c, "按单位");
        assertEquals("新乡市卫滨区医疗保障局 1,152.35", byUnit.get(1));
        assertTrue(byUnit.contains("新乡市卫滨区医疗保障服务中心 588.38"), byUnit.toString());
        assertTrue(byUnit.indexOf("新乡市卫滨区医疗保障服务中心 588.38") > 2, "the centre's 项 follow the office's");
        // funds in the national order: 财政拨款 1,648.73, then the 92.00 提前下达 transfers
        assertEquals(List.of("合计 1,740.73", "财政拨款 1,648.73", "一般公共预算其他 92.00"), rows(c, "按资金"));
        assertEquals(List.of("合计 1,740.73", "行政 1,152.35", "事业 588.38"), rows(c, "按单位类型"));
        assertTrue(rows(c, "按政府经济").contains("对社会保障基金补助 1,568.64") || rows(c, "按政府经济").stream().anyMatch(x -> x.startsWith("对社会保障基金补助")),
                rows(c, "按政府经济").toString());
    }

    /** A table's rows as “name amount”. */
    static List<String> rows(Pipeline.Checked c, String key) {
        TableView t = c.report().table(key);
        return t.rows().stream().map(r -> (r.cells().get(0).text() + " " + r.cells().get(1).text()).strip()).toList();
    }

    static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> s = Files.list(from)) {
            for (Path p : s.toList()) Files.copy(p, to.resolve(p.getFileName()));
        }
    }

    @Test
    void aMistakeInALayoutIsReportedAtItsLine(@TempDir Path home) throws Exception {
        Path templates = home.resolve("templates");
        Files.createDirectories(templates);
        copy(HOME.resolve("templates/common"), templates.resolve("common"));
        Path mine = templates.resolve("broken");
        copy(HOME.resolve("templates/henan-2025"), mine);
        Path tables = mine.resolve("tables.yaml");
        String t = Files.readString(tables).replace("取: {资金: 一般公共预算, 性质: 基本}", "取: {资金: 一般预算, 性质: 基本}");
        Files.writeString(tables, t);
        Path f = home.resolve("t.yaml");
        Files.writeString(f, withLayout(TestDocs.real(), "broken"));
        Pipeline.Checked c = new Pipeline(home).check(f, "t.yaml");
        assertFalse(c.ok());
        Diagnostic d = c.diags().sorted().stream().filter(x -> x.code().equals("E-LAYOUT")).findFirst().orElseThrow();
        assertEquals("templates/broken/tables.yaml", d.pos().file());
        assertEquals(TestDocs.lineOf(t, "资金: 一般预算"), d.pos().line());
        assertTrue(d.message().contains("一般预算"), d.message());
    }

    @Test
    void linesAreNumberedAcrossBothSidesAndTotalsAlign() {
        TableView t = TestDocs.check(TestDocs.realFinal()).table("公开01");
        List<List<String>> rows = t.rows().stream().map(r -> r.cells().stream().map(TableView.Cell::text).toList()).toList();
        assertEquals(31, rows.size());
        assertEquals(List.of("本年收入合计", "27", "776.98", "本年支出合计", "58", "801.14"), rows.get(26));
        assertEquals(List.of("总计", "31", "801.14", "总计", "62", "801.14"), rows.get(30));
        assertEquals("二十六、抗疫特别国债安排的支出", rows.get(25).get(3));
        // header: 收入 | 支出 over three columns each, then the 栏次 row numbering the amounts 1 and 2
        assertEquals(List.of(3, 3), t.header().get(0).stream().map(TableView.HeadCell::colspan).toList());
        assertEquals(List.of("栏次", "", "1", "栏次", "", "2"), t.header().get(2).stream().map(TableView.HeadCell::text).toList());
    }

    @Test
    void nestedColumnsGiveRowAndColumnSpans() {
        TableView t = TestDocs.check(TestDocs.real()).table("预算03");
        List<TableView.HeadCell> top = t.header().get(0);
        assertEquals("科目编码", top.get(0).text());
        assertEquals(3, top.get(0).colspan());
        assertEquals(3, top.get(1).rowspan(), "单位代码 spans the three header rows");
        assertEquals("基本支出", top.get(4).text());
        assertEquals(5, top.get(4).colspan());
        assertEquals(List.of("工资福利支出", "对个人和家庭的补助", "商品和服务支出", "资本性支出"),
                t.header().get(2).stream().map(TableView.HeadCell::text).toList());
        assertEquals(14, t.rows().get(0).cells().size());
    }
}
