package org.budgetpdf.catalog;

import org.budgetpdf.diag.Diagnostic;
import org.budgetpdf.diag.Diagnostics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The clerk's local catalog/ folder: read on top of the shipped editions; its mistakes are E-CATALOG diagnostics. */
class CatalogsTest {
    @TempDir
    Path home;

    private Path write(String relative, String text) throws IOException {
        Path f = home.resolve("catalog").resolve(relative);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    private Catalogs load(Diagnostics diags) {
        return Catalogs.load(home.resolve("catalog"), diags);
    }

    /** "file:line:col message" of each diagnostic, all E-CATALOG errors. */
    private static List<String> problems(Diagnostics diags) {
        for (Diagnostic d : diags.sorted()) {
            assertEquals("E-CATALOG", d.code(), d.toString());
            assertTrue(d.isError(), d.toString());
            assertTrue(!d.hint().isBlank(), d.toString());
        }
        return diags.sorted().stream().map(d -> d.pos() + " " + d.message()).toList();
    }

    @Test
    void noLocalFolderIsTheShippedCatalog() {
        Diagnostics diags = new Diagnostics();
        Catalogs c = load(diags);
        assertTrue(diags.isEmpty());
        assertEquals(Catalog.shippedEditions(), c.editions());
        assertSame(Catalog.forYear(2023), c.forYear(2023));
        assertSame(Catalog.forYear(2026), c.forYear(2026));
    }

    @Test
    void aFunctionFileOfThreeRowsAddsAndRenames() throws IOException {
        write("2025/function.csv", "code,name\n2130110,执法监管\n2130111,统计监测与信息服务\n2101501,行政运行（本地）\n");
        Diagnostics diags = new Diagnostics();
        Catalogs c = load(diags);
        assertEquals(List.of(), problems(diags));
        Catalog e = c.forYear(2025);
        assertEquals(Optional.of("执法监管"), e.functionName("2130110"));
        assertEquals(Optional.of("统计监测与信息服务"), e.functionName("213 01 11"));
        assertEquals(Optional.of("行政运行（本地）"), e.functionName("2101501"), "a local row renames a shipped one");
        assertEquals(List.of("catalog/2025"), e.localFolders());
        assertEquals(2025, e.shippedYear());
        // everything else is the shipped edition's
        assertEquals(Catalog.forYear(2025).econDept(), e.econDept());
        assertEquals(Catalog.forYear(2025).group("人员经费"), e.group("人员经费"));
        assertEquals(Catalog.forYear(2025).functions().size() + 2, e.functions().size());
        // the shipped edition itself is untouched, and 2021 has no local folder
        assertEquals(Optional.empty(), Catalog.forYear(2025).functionName("2130110"));
        assertEquals(Optional.empty(), c.forYear(2021).functionName("2130110"));
        assertEquals(List.of(), c.forYear(2024).localFolders());
    }

    @Test
    void aFolderForAYearWithoutShippedEditionAddsOne() throws IOException {
        write("2021/function.csv", "code,name\n2130110,执法监管\n");
        write("2023/function.csv", "code,name\n2130111,统计监测与信息服务\n");
        write("2027/econ_dept.csv", "code,name\n30230,示例款\n");
        write("2027/econ_map.csv", "dept_code,unit_type,gov_code\n30230,*,50299\n");
        Diagnostics diags = new Diagnostics();
        Catalogs c = load(diags);
        assertEquals(List.of(), problems(diags));
        assertEquals(List.of(2021, 2023, 2025, 2027), c.editions());
        Catalog e2023 = c.forYear(2024);
        assertEquals(2023, e2023.editionYear());
        assertEquals(2021, e2023.shippedYear());
        // the year before's edition, local rows included, plus its own rows
        assertEquals(Optional.of("执法监管"), e2023.functionName("2130110"));
        assertEquals(Optional.of("统计监测与信息服务"), e2023.functionName("2130111"));
        assertEquals(List.of("catalog/2021", "catalog/2023"), e2023.localFolders());
        assertEquals(2021, c.forYear(2022).editionYear());
        assertEquals(Optional.empty(), c.forYear(2022).functionName("2130111"));
        // a shipped edition starts afresh: the 2021/2023 local rows do not carry over into 2025
        assertSame(Catalog.forYear(2025), c.forYear(2025));
        Catalog e2027 = c.forYear(2030);
        assertEquals(2027, e2027.editionYear());
        assertEquals(2025, e2027.shippedYear());
        assertEquals(Optional.of("示例款"), e2027.econDeptName("30230"));
        assertEquals(Optional.of("50299"), e2027.govEconFor("30230", UnitType.INSTITUTION));
        assertEquals(Optional.of("50299"), e2027.govEconFor("30230", UnitType.CIVIL_SERVANT_MANAGED));
        assertEquals(2021, c.forYear(2019).editionYear(), "before the first edition: the first");
    }

    @Test
    void eachMistakeInAFunctionFileIsAnErrorAtItsLineAndTheRowIsLeftOut() throws IOException {
        write("2025/function.csv", String.join("\n",
                "code,name",
                "2130110,执法监管",            // 2 fine
                "2130126,农村社会事业,含改厕",   // 3 a comma in the name
                "21301O1,行政运行",            // 4 not digits
                "213011,行政运行",             // 5 six digits
                "2130112,",                  // 6 no name
                "2130110,执法监管",            // 7 twice
                "2139801,示例",               // 8 fine: its 款 comes on the next line
                " 21398 ,示例款",             // 9 fine: a new 款 of 213, spaces stripped
                "2359901,示例") + "\n");      // 10 its 类 235 is in no list
        Diagnostics diags = new Diagnostics();
        Catalog e = load(diags).forYear(2025);
        assertEquals(List.of(
                "catalog/2025/function.csv:3:1 这一行有 3 列，应为 2 列（code,name）",
                "catalog/2025/function.csv:4:1 “21301O1”不是功能分类编码",
                "catalog/2025/function.csv:5:1 “213011”不是功能分类编码",
                "catalog/2025/function.csv:6:9 编码 2130112 没有名称",
                "catalog/2025/function.csv:7:1 编码 2130110 在这个文件中写了两次",
                "catalog/2025/function.csv:10:1 编码 2359901 的类 235 不在科目表中"), problems(diags));
        assertEquals(Optional.of("执法监管"), e.functionName("2130110"));
        assertEquals(Optional.of("农村社会事业"), e.functionName("2130126"), "the bad row does not rename");
        assertEquals(Optional.of("示例"), e.functionName("2139801"), "its 款 21398 comes later in the same file");
        assertEquals(Optional.empty(), e.functionName("2359901"));
        assertEquals(Optional.empty(), e.functionName("2130112"));
    }

    @Test
    void anItemWhose款IsMissingIsLeftOut() throws IOException {
        write("2025/function.csv", "code,name\n2139701,示例\n");
        Diagnostics diags = new Diagnostics();
        Catalog e = load(diags).forYear(2025);
        assertEquals(List.of("catalog/2025/function.csv:2:1 编码 2139701 的款 21397 不在科目表中"), problems(diags));
        assertEquals(Optional.empty(), e.functionName("2139701"));
    }

    @Test
    void mistakesInTheOtherFiles() throws IOException {
        write("2025/econ_dept.csv", "code,name\n30230,示例款\n30231,公务用车运行维护费\n");   // 30230 has no mapping
        write("2025/econ_map.csv", "dept_code,unit_type,gov_code\n30231,机关,50208\n30299,*,50210\n30201,行政,50299\n");
        write("2025/econ_gov.csv", "name,code\n");                                           // wrong header
        write("2025/class_order.csv", "code,ordinal\n235,三十五\n");
        write("2025/groups.csv", "group,codes\n人员经费,301 308\n");
        write("2025/function_econ.csv", "function,econ\n2101202,31399\n");
        write("2025/vocabulary.csv", "kind,value,parent\n项目类型,示例类,\n项目类型,示例类,\n");
        write("2025/obsolete.csv", "code,name,kind,replacement,note\n21305,扶贫开发,econ,21305,旧名\n");
        write("2025/functions.csv", "code,name\n");                                          // unknown file
        write("2025.csv", "code,name\n");                                                   // not in a year folder
        Files.createDirectories(home.resolve("catalog/2025年"));                           // not a year
        Files.write(home.resolve("catalog/2025/function.csv"), "code,name\n2130110,执法\u76d1管\n".getBytes(java.nio.charset.Charset.forName("GBK")));
        Diagnostics diags = new Diagnostics();
        Catalog e = load(diags).forYear(2025);
        assertEquals(List.of(
                "catalog/2025.csv 科目表文件 catalog/2025.csv 没有放在年份文件夹中",
                "catalog/2025/class_order.csv:2:1 类 235 不在功能分类中",
                "catalog/2025/econ_dept.csv:2:1 部门经济分类款 30230 没有行政、事业单位对应的政府经济分类款",
                "catalog/2025/econ_gov.csv:1:1 第一行应为表头“code,name”",
                "catalog/2025/econ_map.csv:2:7 单位类型“机关”无效",
                "catalog/2025/econ_map.csv:3:9 政府经济分类款 50210 不在科目表中",
                "catalog/2025/function.csv 科目表文件 catalog/2025/function.csv 不是 UTF-8 编码",
                "catalog/2025/function_econ.csv:2:9 “31399”不在部门经济分类中",
                "catalog/2025/functions.csv 不认识的科目表文件 catalog/2025/functions.csv",
                "catalog/2025/groups.csv:2:6 “308”不在部门经济分类中",
                "catalog/2025/obsolete.csv:2:12 kind 一列应为 function 或 econ_dept，不是“econ”",
                "catalog/2025/vocabulary.csv:3:6 “示例类”在这个文件中写了两次",
                "catalog/2025年 科目表文件夹“2025年”不是年份"), problems(diags));
        assertEquals(Optional.empty(), e.econDeptName("30230"));
        assertEquals(Optional.of("50299"), e.govEconFor("30201", UnitType.ADMIN), "a local mapping overrides");
        assertEquals(Optional.of("50502"), e.govEconFor("30201", UnitType.INSTITUTION));
        assertEquals(Optional.of(""), Optional.ofNullable(e.vocabulary("项目类型").get("示例类")));
        assertEquals(Catalog.forYear(2025).group("人员经费"), e.group("人员经费"));
    }

    @Test
    void theLinesOfALocalFileAreKeptForTheDiagnosticPrinter() throws IOException {
        write("2025/function.csv", "code,name\n2130126,农村社会事业,含改厕\n");
        Catalogs c = load(new Diagnostics());
        assertEquals(List.of("code,name", "2130126,农村社会事业,含改厕"), c.lines("catalog/2025/function.csv"));
        assertEquals(List.of(), c.lines("catalog/2025/econ_dept.csv"));
    }
}
