package org.budgetpdf.e2e;

import org.budgetpdf.testutil.BuiltPdf;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;
import org.budgetpdf.testutil.PdfWords;
import org.budgetpdf.testutil.PdfWords.Word;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.budgetpdf.testutil.PdfText.squeeze;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Seeds 000 (河南新乡 2021, layout henan-2021) and 002 (河北 2021, layout hebei-2021) built through the real pipeline
 * and read back: each seed's table titles in its order, and the seed's own figures in tables and text.
 */
class NewLayoutsPdfTest {

    static void assertInOrder(BuiltPdf out, List<String> titles, int from) {
        int last = from;
        for (String t : titles) {
            int page = out.find(t, last);
            assertTrue(page >= last && page > 0, "“" + t + "” missing or out of order (after page " + last + ")");
            last = page;
        }
    }

    static void has(String text, String s) {
        assertTrue(text.contains(squeeze(s)), () -> "missing: " + s);
    }

    /** A bookmark as a reader's PDF viewer shows it: its title, the page it opens and the bookmarks under it. */
    record Mark(String title, int page, List<Mark> children) {
        static Mark outline(BuiltPdf out) throws IOException {
            return new Mark("", 0, marks(out.doc, out.doc.getDocumentCatalog().getDocumentOutline()));
        }

        private static List<Mark> marks(PDDocument doc, PDOutlineNode node) throws IOException {
            List<Mark> list = new ArrayList<>();
            if (node == null) return list;
            for (PDOutlineItem i : node.children()) {
                PDPage page = i.findDestinationPage(doc);
                list.add(new Mark(i.getTitle(), page == null ? 0 : doc.getPages().indexOf(page) + 1, marks(doc, i)));
            }
            return list;
        }

        /** The first bookmark at any depth whose title is {@code title}. */
        Mark find(String title) {
            for (Mark m : children) {
                if (m.title.equals(title)) return m;
                Mark deeper = m.find(title);
                if (deeper != null) return deeper;
            }
            return null;
        }

        List<String> titles() {
            return children.stream().map(Mark::title).toList();
        }
    }

    /** The data file {@code relative} with {@code edit} applied, built through the real pipeline. */
    static BuiltPdf edited(String relative, java.util.function.UnaryOperator<String> edit, Path dir) throws Exception {
        Path f = dir.resolve(Path.of(relative).getFileName());
        Files.writeString(f, edit.apply(Files.readString(BuiltPdf.HOME.resolve(relative), StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);
        return BuiltPdf.of(f);
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Hongqi2021 {
        BuiltPdf out;
        String all;

        @BeforeAll
        void build() throws Exception {
            out = BuiltPdf.of("data/xinxiang-hongqi-2021-budget.yaml");
            all = out.text(1, out.pages.size());
        }

        @AfterAll
        void close() throws IOException {
            out.close();
        }

        static final List<String> TABLES = List.of("2021年部门收支总体情况表", "2021年部门收入总体情况表",
                "2021年部门支出总体情况表", "2021年部门财政拨款收支总体情况表", "2021年一般公共预算支出情况表",
                "2021年一般公共预算基本支出情况表", "2021年一般公共预算安排项目支出情况表",
                "2021年一般公共预算“三公”经费支出情况表", "2021年政府性基金预算支出情况表", "2021年机关运行经费情况表",
                "2021年政府采购及新增资产配置计划表", "2021年政府性基金预算表", "2021年国有资本经营收支预算表",
                "2021年国有资产占有使用情况表", "2021年支出预算分类汇总表（按支出经济分类）",
                "2021年部门（单位）整体绩效目标表", "2021年度部门预算项目绩效目标表");

        @Test
        void seventeenTablesInTheSeedsOrder() {
            int annex = out.find("附件：新乡市红旗区医疗保障局2021年部门预算表", 3);
            assertTrue(annex > 3);
            assertInOrder(out, TABLES, annex);
        }

        /** The 政府性基金 and 国有资本经营 tables the rules require even when empty, where seed 000 prints them. */
        @Test
        void theRequiredFundTablesArePrintedEmptyWithTheSeedsNote() throws IOException {
            for (String title : List.of("2021年政府性基金预算表", "2021年国有资本经营收支预算表")) {
                int page = out.find(title, 8);
                int next = TABLES.indexOf(title) + 1;
                String t = out.text(page, out.find(TABLES.get(next), page) - 1);
                has(t, "填报单位：新乡市红旗区医疗保障局");
                assertTrue(t.endsWith(squeeze("备注：此表为空表")), title + " ends with the seed's note: " + t);
                // a department's own spending, not the government budget's rows the seed's template carried (000-15)
                assertFalse(t.contains("海南") || t.contains("利润收入") || t.contains("股利") || t.contains("调出资金"), t);
            }
            String fund = out.text(out.find("2021年政府性基金预算表", 8), out.find("2021年国有资本经营收支预算表", 8) - 1);
            has(fund, "科目编码 项目 预算数 支出总计 0.00");
            String capital = out.text(out.find("2021年国有资本经营收支预算表", 8), out.find("2021年国有资产占有使用情况表", 8) - 1);
            has(capital, "项目 收入预算数 项目 支出预算数 国有资本经营预算拨款收入 0.00");
            has(capital, "本年收入合计 0.00 本年支出合计 0.00");   // as the seed prints them
            has(capital, "收入总计 0.00 支出总计 0.00");
            // the table of contents lists them in their place
            String toc = out.squeezed.get(1) + out.squeezed.get(2);
            assertTrue(toc.indexOf(squeeze("十二、2021年政府性基金预算表")) > toc.indexOf(squeeze("十一、2021年政府采购及新增资产配置计划表")), toc);
            assertTrue(toc.indexOf(squeeze("十三、2021年国有资本经营收支预算表")) > toc.indexOf(squeeze("十二、2021年政府性基金预算表")), toc);
            assertTrue(toc.contains(squeeze("十七、2021年度部门预算项目绩效目标表")), toc);
            Mark annex = Mark.outline(out).find("附件：新乡市红旗区医疗保障局2021年部门预算表");
            assertEquals(TABLES.size(), annex.children.size(), annex.toString());
            for (int i = 0; i < TABLES.size(); i++) {
                assertEquals((i + 1) + ". " + TABLES.get(i), annex.children.get(i).title);
                assertEquals(out.find(TABLES.get(i), 8), annex.children.get(i).page, TABLES.get(i));
            }
        }

        @Test
        void tablesShowTheSeedsFigures() {
            String t1 = out.text(out.find("2021年部门收支总体情况表", 8), out.find("2021年部门收入总体情况表", 8) - 1);
            has(t1, "一、一般公共预算 2,081.40 一、基本支出 130.84 130.84");
            has(t1, "（一）工资福利支出 115.99 115.99");
            has(t1, "（二）公用经费支出 10.81 10.81");
            has(t1, "（三）对个人和家庭的补助 4.04 4.04");
            has(t1, "二、项目支出 1,950.56 1,950.56");
            has(t1, "收入总计 2,081.40 支出总计 2,081.40 2,081.40");
            has(all, "003009 新乡市红旗区医疗保障局 2,081.40 2,050.40 31.00");       // 收入总体: 正常预算拨款 + 提前告知
            has(all, "一、一般公共服务支出 438.30 438.30");                          // 财政拨款收支总体, by the 类's own ordinal
            has(all, "十、卫生健康支出 1,211.10 1,211.10");
            has(all, "201 99 99 003009 新乡市红旗区医疗保障局 其他一般公共服务支出 438.00");
            has(all, "210 15 01 003009 新乡市红旗区医疗保障局 行政运行 101.74");
            // 机关运行经费情况表 by economic item, and its total
            int running = out.find("2021年机关运行经费情况表", 8);
            String t10 = out.text(running, out.find("2021年政府采购及新增资产配置计划表", running) - 1);
            for (String row : List.of("302 01 办公费 2.98", "302 02 印刷费 2.50", "302 07 邮电费 0.72", "302 29 福利费 2.32",
                    "302 99 其他商品和服务支出 8.44", "机关运行经费总计 16.96")) {
                has(t10, row);
            }
            has(all, "合计 2,081.40 2,081.40 2,050.40");                          // 支出预算分类汇总表
            has(all, "303 07 医疗费补助 509 01 社会福利和救助 1,045.62 1,045.62 1,014.62");
            has(all, "0030092102 城乡居民医疗保险财政补助资金 994.00 994.00");
            assertTrue(all.contains("此表为空表"), "empty tables noted as the seed does");
        }

        @Test
        void textFiguresComeFromTheSameData() {
            String p2 = out.text(out.find("第二部分", 3), out.find("第三部分名词解释", 3));
            has(p2, "收入总计2081.40万元，支出总计2081.40万元，与2020年1934.15万元相比，收入增加147.25万元，增长7.61%");
            has(p2, "基本支出130.84万元，占6.29%；项目支出1950.56万元，占93.71%");
            has(p2, "一般公共预算收支预算增加147.25万元，增长7.61%");                 // the seed printed 2081.4 here (000-1)
            // shares by largest remainder: 21.06 + 20.75 + 58.19 = 100.00
            has(p2, "一般公共服务支出438.30万元，占21.06%；教育支出432.00万元，占20.75%；卫生健康支出1211.10万元，占58.19%");
            has(p2, "机关运行经费支出预算16.96万元，主要保障机构正常运转及正常履职需要，比2020年增加4.86万元，增长40.17%");
            has(p2, "“三公”经费预算为0.00万元。2021年“三公”经费支出预算数与2020年持平");
            has(p2, "城乡医疗救助项目31.00万元");
            assertFalse(p2.contains("决算"), "a 预算 document has no 决算 heading (000-3)");
            String glossary = out.text(out.find("第三部分名词解释", 3), out.find("第三部分名词解释", 3));
            assertTrue(glossary.contains("区级财政当年拨付的资金") && !glossary.contains("省级"), glossary);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Xinle2021 {
        BuiltPdf out;
        String all;

        @BeforeAll
        void build() throws Exception {
            out = BuiltPdf.of("data/xinle-2021-budget.yaml");
            all = out.text(1, out.pages.size());
        }

        @AfterAll
        void close() throws IOException {
            out.close();
        }

        static final List<String> TABLES = List.of("预算收支总表", "预算收入总表", "预算支出总表", "预算财政拨款收支总表",
                "预算一般公共预算财政拨款支出表", "预算一般公共预算财政拨款基本支出表", "预算政府基金预算财政拨款支出表",
                "预算国有资本经营预算财政拨款支出表", "预算财政拨款“三公”经费支出表");

        @Test
        void departmentTablesThenTextThenEveryUnitRepeated() {
            int p1 = out.find("第一部分部门预算", 3);
            assertInOrder(out, TABLES.stream().map(t -> "部门" + t).toList(), p1);
            int text = out.find("新乐市医疗保障局2021年部门预算信息公开情况说明", p1);
            assertTrue(text > out.find("部门预算财政拨款“三公”经费支出表", p1));
            int p2 = out.find("第二部分部门所属单位预算", text);
            assertTrue(p2 > text);
            int unit = out.find("一、新乐市医疗保障局本级收支预算", p2);
            assertInOrder(out, TABLES.stream().map(t -> "单位" + t).toList(), unit);
            assertTrue(out.find("450001新乐市医疗保障局本级", unit) > 0);
            assertTrue(out.find("新乐市医疗保障局本级2021年单位预算信息公开情况说明", unit) > 0);
        }

        @Test
        void tablesShowTheSeedsFigures() {
            has(all, "1 一、一般公共预算拨款收入 7,723.25 一、一般公共服务支出");
            has(all, "八、社会保障和就业支出 49.21");
            has(all, "十、卫生健康支出 7,638.81");
            has(all, "二十、住房保障支出 35.23");
            has(all, "33 收入总计 7,723.25 支出总计 7,723.25");
            has(all, "1 合计 7,723.25 434.10 7,289.15");
            has(all, "210 卫生健康支出 7,638.81 358.66 7,280.15");
            has(all, "2101501 行政运行 347.80 334.80 13.00");
            has(all, "合计 434.10 408.08 26.02");
            has(all, "301 工资福利支出 404.53 404.53");
            has(all, "合计 15.60 15.60");
            has(all, "其中：公务用车购置费 13.00 13.00");
            has(all, "注：无政府基金预算财政拨款预算，空表列示。");
            has(all, "注：无国有资本经营预算财政拨款预算，空表列示。");
        }

        @Test
        void textFiguresComeFromTheSameData() {
            has(all, "2021年预算收入7723.25万元，其中：一般公共预算收入7723.25万元");
            // the seed printed 389.5 / 24.7 here (002-1) and 5318.27 / 625 for two projects (002-2)
            has(all, "基本支出434.10万元，包括人员经费408.08万元和日常公用经费26.02万元；项目支出7289.15万元");
            has(all, "城乡居民医疗保险财政补助5118.27万元");   // the project as its 绩效目标表 names it
            has(all, "较2020年预算减少14226.05万元");
            has(all, "机关运行经费共计安排16.46万元");
            has(all, "财政拨款“三公”经费预算安排15.60万元");
            has(all, "公务用车购置费与上年相比增加13.00万元，主要原因是增加公务用车购置费用");
            assertTrue(all.contains(squeeze("纳入县级财政预算管理")) && !all.contains("省级部门"), "002-7");
        }

        /** The 12 项目绩效目标表 of seed 002, in its order and with its full titles. */
        static final List<String> PROJECT_TABLES = List.of("1、医疗保障经办工作经费绩效目标表", "2、公务用车购置费绩效目标表",
                "3、离休干部医疗费绩效目标表",
                "4、河北省财政厅河北省医疗保障局关于提前下达2021年中央财政医疗救助补助资金预算（第一批）的通知绩效目标表",
                "5、河北省财政厅关于提前下达2021年省级财政城乡居民医保村级代办员补助资金的通知绩效目标表",
                "6、河北省财政厅关于提前下达2021年省级财政医疗救助补助资金的通知绩效目标表", "7、医疗保障政策管理经费绩效目标表",
                "8、城乡居民医疗保险财政补助绩效目标表", "9、困难企业职工医疗绩效目标表", "10、医保智能监控系统服务费绩效目标表",
                "11、一至六级残疾军人医疗费绩效目标表", "12、长期护理保险财政补助绩效目标表");

        static void inOrder(String text, List<String> parts) {
            int at = -1;
            for (String part : parts) {
                int i = text.indexOf(squeeze(part), at + 1);
                assertTrue(i > at, "“" + part + "” missing or out of order");
                at = i;
            }
        }

        String departmentText() {
            return out.text(out.find("新乐市医疗保障局2021年部门预算信息公开情况说明", 3), out.find("第二部分部门所属单位预算", 3) - 1);
        }

        String unitText() {
            int from = out.find("新乐市医疗保障局本级2021年单位预算信息公开情况说明", out.find("第二部分部门所属单位预算", 3));
            return out.text(from, out.pages.size());
        }

        /** 五、预算绩效信息 as seed 002 has it: three parts, the 专项资金 part included, then the 12 project tables. */
        @Test
        void performancePartsAndProjectTablesAsTheSeedHasThem() {
            String d = departmentText();
            List<String> parts = new ArrayList<>(List.of("五、预算绩效信息", "第一部分　部门整体绩效目标", "（一）总体绩效目标",
                    "（二）分项绩效目标", "1.强力实施全民参保计划", "绩效目标：确保上级任务目标完成", "绩效指标：参保率达到90%以上",
                    "（三）工作保障措施", "第二部分　专项资金绩效目标", "第三部分　预算项目绩效目标"));
            parts.addAll(PROJECT_TABLES);
            parts.add("六、政府采购预算情况");
            inOrder(d, parts);
            // no project of the file is a 专项转移支付: the 专项资金 part holds no table, as in the seed
            assertEquals(d.indexOf(squeeze("第二部分专项资金绩效目标")) + squeeze("第二部分专项资金绩效目标").length(),
                    d.indexOf(squeeze("第三部分预算项目绩效目标")));
            has(d, "4、河北省财政厅河北省医疗保障局关于提前下达2021年中央财政医疗救助补助资金预算（第一批）的通知绩效目标表 "
                    + "绩效目标 1.持续实施重特大疾病医疗救助 2.年度救助对象人次规模与上年持平");
            has(d, "数量指标 重特大疾病医疗救助人次占比 重特大疾病医疗救助人次占直接救助人次比例 ≥28% 工作安排");
            has(d, "9、困难企业职工医疗绩效目标表 绩效目标 1.保障困难单位按时、足额享受职工医疗。");
            // the unit's part: the project tables straight under 五, as the seed's unit part
            String u = unitText();
            List<String> unitParts = new ArrayList<>(List.of("五、预算绩效信息"));
            unitParts.addAll(PROJECT_TABLES);
            inOrder(u, unitParts);
            assertFalse(u.contains("专项资金绩效目标") || u.contains(squeeze("部门整体绩效目标")), u);
        }

        /** A project the file marks as a 专项转移支付 has its table in the 专项资金 part; the other parts count on without it. */
        @Test
        void aSpecialFundProjectIsListedUnderTheSpecialFundPart(@TempDir Path dir) throws Exception {
            String project = "  - 名称: 医保智能监控系统服务费\n";
            try (BuiltPdf b = edited("data/xinle-2021-budget.yaml", y -> {
                assertTrue(y.contains(project));
                return y.replace(project, project + "    专项转移支付: 医保智能监控\n");
            }, dir)) {
                String d = b.text(b.find("新乐市医疗保障局2021年部门预算信息公开情况说明", 3), b.find("第二部分部门所属单位预算", 3) - 1);
                List<String> parts = new ArrayList<>(List.of("第二部分　专项资金绩效目标", "1、医保智能监控系统服务费绩效目标表",
                        "第三部分　预算项目绩效目标"));
                for (String t : PROJECT_TABLES) {
                    int n = Integer.parseInt(t.substring(0, t.indexOf('、')));
                    if (n == 10) continue;
                    parts.add((n < 10 ? n : n - 1) + t.substring(t.indexOf('、')));
                }
                inOrder(d, parts);
                assertEquals(1, d.split(squeeze("医保智能监控系统服务费绩效目标表"), -1).length - 1, "listed once");
            }
        }

        /** The subheadings of 五 are set as headings (bold, the headings' face), the text under them as body text. */
        @Test
        void performanceSubheadingsAreHeadings() {
            int page = out.find("（一）总体绩效目标", out.find("五、预算绩效信息", 14));
            List<Word> words = PdfWords.page(out.doc, page);
            Word body = PdfWords.first(words, "1.强力实施全民参保计划");
            assertNotNull(body);
            assertFalse(body.sans(), body.toString());
            for (String h : List.of("（一）总体绩效目标", "（二）分项绩效目标", "第一部分　部门整体绩效目标")) {
                Word w = PdfWords.first(words, h);
                assertNotNull(w, h);
                assertTrue(w.sans() && w.font().contains("Bold") && w.size() >= body.size(), w.toString());
            }
        }

        /** The tables inside the text (机构设置, project tables, 政府采购, 固定资产) carry one kind of caption. */
        @Test
        void captionsInTheTextAreStyledOneWay() {
            List<Word> captions = new ArrayList<>();
            for (String c : List.of("部门机构设置情况", "12、长期护理保险财政补助绩效目标表", "部门政府采购预算", "部门固定资产占用情况表")) {
                int page = out.find(c, out.find("新乐市医疗保障局2021年部门预算信息公开情况说明", 3));
                Word w = PdfWords.page(out.doc, page).stream().filter(x -> x.text().equals(c)).findFirst().orElse(null);
                assertNotNull(w, c + " as a line of its own on page " + page);
                captions.add(w);
            }
            float middle = out.doc.getPage(0).getMediaBox().getWidth() / 2;
            for (Word w : captions) {
                assertEquals(captions.get(0).font(), w.font(), w.toString());
                assertEquals(captions.get(0).size(), w.size(), 0.01, w.toString());
                assertEquals(middle, w.centre(), 2, "centred: " + w);
            }
        }

        /** The unit's part has its tables and its 情况说明 in the contents and in the bookmarks, at their pages. */
        @Test
        void contentsAndBookmarksOfTheUnitsPart() throws IOException {
            String toc = out.squeezed.get(1);
            String part2 = toc.substring(toc.indexOf(squeeze("第二部分部门所属单位预算")));
            List<String> entries = new ArrayList<>(List.of("一、新乐市医疗保障局本级收支预算"));
            for (int i = 0; i < TABLES.size(); i++) entries.add((i + 1) + "．单位" + TABLES.get(i));
            entries.add("新乐市医疗保障局本级2021年单位预算信息公开情况说明");
            int unit = out.find("一、新乐市医疗保障局本级收支预算", out.find("第二部分部门所属单位预算", 3));
            int at = 0;
            for (int i = 0; i < entries.size(); i++) {
                // each entry, its dot leader and the page where the title is, then the next entry
                String e = entries.get(i);
                int page = out.find(e.replaceFirst("^\\d+．", ""), unit);
                String next = i + 1 < entries.size() ? Pattern.quote(squeeze(entries.get(i + 1))) : "$";
                Matcher m = Pattern.compile(Pattern.quote(squeeze(e)) + "[.．·…]+" + page + "(?=" + next + ")").matcher(part2);
                assertTrue(m.find(at), "TOC entry “" + e + "” with page " + page + " in: " + part2);
                at = m.end();
            }
            Mark u = Mark.outline(out).find("一、新乐市医疗保障局本级收支预算");
            assertNotNull(u);
            assertEquals(unit, u.page());
            assertEquals(TABLES.size() + 1, u.children().size(), u.titles().toString());
            for (int i = 0; i < TABLES.size(); i++) {
                Mark t = u.children().get(i);
                assertEquals((i + 1) + "．单位" + TABLES.get(i), t.title());
                assertEquals(out.find("单位" + TABLES.get(i), unit), t.page(), t.title());
            }
            Mark explain = u.children().get(TABLES.size());
            assertEquals("新乐市医疗保障局本级2021年单位预算信息公开情况说明", explain.title());
            assertEquals(List.of("一、单位职责及机构设置情况", "二、单位预算安排的总体情况", "三、机关运行经费安排情况",
                    "四、财政拨款“三公”经费预算情况及增减变化原因", "五、预算绩效信息", "六、政府采购预算情况", "七、国有资产信息",
                    "八、名词解释", "九、其他需要说明的事项"), explain.titles());
            for (Mark sec : explain.children()) assertEquals(out.find(sec.title(), explain.page()), sec.page(), sec.title());
            // the department's part has the same sections under its 说明
            assertEquals(explain.titles().stream().map(t -> t.replace("单位", "部门")).toList(),
                    Mark.outline(out).find("新乐市医疗保障局2021年部门预算信息公开情况说明").titles());
        }

        /**
         * A 合计 row prints nothing under a column whose cells are all blank and for which the file writes no amount;
         * where the file writes a 0, the 合计 prints 0.00.
         */
        @Test
        void totalsPrintZeroOnlyWhereTheFileSaysZero(@TempDir Path dir) throws Exception {
            // 收入总表: 财政专户 … 上年结转 are blank in every row, the 合计 row too (the seed's 0.00 there came from no data)
            has(all, "1 合计 7,723.25 7,723.25 7,723.25 2 208 社会保障和就业支出");
            // 三公: 政府性基金 and 国有资本经营 columns, blank as in seed 002
            has(all, "1 合计 15.60 15.60 2 一、因公出国（境）费");
            String housing = "\n  - 单位: \"450001\"\n    功能科目: 2210201";
            try (BuiltPdf zero = edited("data/xinle-2021-budget.yaml", y -> {
                assertTrue(y.contains(housing));
                return y.replace(housing, "\n  - {单位: \"450001\", 功能科目: 2101501, 资金: 财政专户, 经济科目: {30201: 0}}" + housing);
            }, dir)) {
                String z = zero.text(1, zero.pages.size());
                // the file now writes a 0 of 财政专户 money: its 合计 cell says so, the 行政运行 row stays blank
                has(z, "1 合计 7,723.25 7,723.25 7,723.25 0.00 2 208 社会保障和就业支出");
                has(z, "2101501 行政运行 347.80 347.80 347.80 21 2101505");
            }
        }

        /** “其中：” rows are indented under their row; the part listed after one is aligned after its “其中：”. */
        @Test
        void subsetRowsAreIndented() {
            int page = out.find("部门预算财政拨款“三公”经费支出表", 3);
            List<Word> words = PdfWords.page(out.doc, page);
            Word parent = PdfWords.first(words, "二、公务用车购置及运维费");
            Word sub = PdfWords.first(words, "其中：公务用车购置费");
            Word next = PdfWords.first(words, "公务用车运行维护费");
            float em = parent.size();
            float pad = 72 / 25.4f;   // the cell's own padding, 1 mm, which the indent replaces
            assertEquals(parent.x0() - pad + 2 * em, sub.x0(), 1, sub.toString());
            assertEquals(parent.x0() - pad + 5 * em, next.x0(), 1, next.toString());
            // the same in the table written by the template (固定资产占用情况表)
            List<Word> assets = PdfWords.page(out.doc, out.find("其中：办公用房", out.find("部门固定资产占用情况表", 3)));
            Word house = PdfWords.first(assets, "其中：办公用房");
            Word total = assets.stream().filter(w -> w.text().equals("资产总额") || w.text().startsWith("1、房屋")
                    || w.text().startsWith("2、车辆")).findFirst().orElseThrow();
            assertEquals(total.x0() - pad + 2 * house.size(), house.x0(), 1, house.toString());
        }

        @Test
        void everyProjectHasItsPerformanceTable() {
            long tables = all.split(squeeze("绩效目标表"), -1).length - 1;
            // 12 projects, each in the department's and in the unit's part
            assertEquals(24, tables);
            has(all, "产出指标 数量指标 城乡居民参保人数 城乡居民参保人数 >433700人 行业标准");
            has(all, "上年末固定资产金额为71.07万元");
            has(all, "2、车辆（台、辆） 1 19.80");
        }
    }
}
