package org.budgetpdf.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CatalogTest {

    // Codes and names as printed in the seed documents (shared/seeds). Seeds 000, 002 and 003
    // are 2021 documents, seed 004 is a 2025 document.

    /** Function codes of the 2021 seeds, "code name". */
    private static final List<String> SEED_FUNCTION_2021 = List.of(
            // 000 新乡市红旗区 2021 预算
            "2013699 其他共产党事务支出", "2019999 其他一般公共服务支出", "2059999 其他教育支出",
            "2101202 财政对城乡居民基本医疗保险基金的补助", "2101301 城乡医疗救助", "2101399 其他医疗救助支出",
            "2101501 行政运行", "2101550 事业运行", "2101599 其他医疗保障管理事务支出",
            // 002 新乐市 2021 预算
            "208 社会保障和就业支出", "20805 行政事业单位养老支出", "2080505 机关事业单位基本养老保险缴费支出",
            "2080506 机关事业单位职业年金缴费支出", "20899 其他社会保障和就业支出", "2089999 其他社会保障和就业支出",
            "210 卫生健康支出", "21011 行政事业单位医疗", "2101101 行政单位医疗",
            "21012 财政对基本医疗保险基金的补助", "2101201 财政对职工基本医疗保险基金的补助",
            "2101202 财政对城乡居民基本医疗保险基金的补助", "2101299 财政对其他基本医疗保险基金的补助",
            "21013 医疗救助", "2101301 城乡医疗救助", "21014 优抚对象医疗", "2101401 优抚对象医疗补助",
            "21015 医疗保障管理事务", "2101501 行政运行", "2101505 医疗保障政策管理", "2101506 医疗保障经办事务",
            "221 住房保障支出", "22102 住房改革支出", "2210201 住房公积金",
            // 003 焦作市中站区 2021 决算
            "21001 卫生健康管理事务", "2100101 行政运行", "2101102 事业单位医疗", "2101103 公务员医疗补助",
            "2101504 信息化建设", "2101550 事业运行", "2101599 其他医疗保障管理事务支出");

    /** Function codes of the 2025 seed 004 (printed as "210 15 01"). */
    private static final List<String> SEED_FUNCTION_2025 = List.of(
            "208 05 05 机关事业单位基本养老保险缴费支出", "210 11 01 行政单位医疗", "210 11 02 事业单位医疗",
            "210 11 03 公务员医疗补助", "210 11 99 其他行政事业单位医疗支出",
            "210 12 02 财政对城乡居民基本医疗保险基金的补助", "210 13 01 城乡医疗救助", "210 15 01 行政运行",
            "210 15 50 事业运行", "210 15 99 其他医疗保障管理事务支出", "221 02 01 住房公积金");

    /** 类 names as the 2021 决算 (003) and 2025 预算 (004) print them with 支出. */
    private static final List<String> SEED_CLASSES = List.of(
            "205 教育支出", "206 科学技术支出", "207 文化旅游体育与传媒支出", "208 社会保障和就业支出",
            "209 社会保险基金支出", "210 卫生健康支出", "211 节能环保支出", "212 城乡社区支出", "213 农林水支出",
            "214 交通运输支出", "215 资源勘探工业信息等支出", "216 商业服务业等支出", "217 金融支出",
            "219 援助其他地区支出", "220 自然资源海洋气象等支出", "221 住房保障支出", "222 粮油物资储备支出",
            "223 国有资本经营预算支出", "224 灾害防治及应急管理支出", "227 预备费", "229 其他支出",
            "230 转移性支出", "231 债务还本支出", "232 债务付息支出", "233 债务发行费用支出",
            "234 抗疫特别国债安排的支出");

    /** Current 部门经济分类 codes printed in the 2021 seeds (000 基本支出表/汇总表, 002, 003 公开06). */
    private static final List<String> SEED_ECON_DEPT_2021 = List.of(
            "301 工资福利支出", "30101 基本工资", "30102 津贴补贴", "30103 奖金", "30106 伙食补助费", "30107 绩效工资",
            "30108 机关事业单位基本养老保险缴费", "30109 职业年金缴费", "30110 职工基本医疗保险缴费",
            "30111 公务员医疗补助缴费", "30112 其他社会保障缴费", "30113 住房公积金", "30114 医疗费",
            "30199 其他工资福利支出",
            "302 商品和服务支出", "30201 办公费", "30202 印刷费", "30203 咨询费", "30204 手续费", "30205 水费",
            "30206 电费", "30207 邮电费", "30208 取暖费", "30209 物业管理费", "30211 差旅费",
            "30212 因公出国（境）费用", "30213 维修（护）费", "30214 租赁费", "30215 会议费", "30216 培训费",
            "30217 公务接待费", "30218 专用材料费", "30224 被装购置费", "30225 专用燃料费", "30226 劳务费",
            "30227 委托业务费", "30228 工会经费", "30229 福利费", "30231 公务用车运行维护费", "30239 其他交通费用",
            "30240 税金及附加费用", "30299 其他商品和服务支出",
            "303 对个人和家庭的补助", "30301 离休费", "30302 退休费", "30303 退职（役）费", "30304 抚恤金",
            "30305 生活补助", "30306 救济费", "30307 医疗费补助", "30308 助学金", "30309 奖励金",
            "30310 个人农业生产补贴", "30311 代缴社会保险费", "30399 其他对个人和家庭的补助",
            "307 债务利息及费用支出", "30701 国内债务付息", "30702 国外债务付息",
            "310 资本性支出", "31001 房屋建筑物购建", "31002 办公设备购置", "31003 专用设备购置",
            "31005 基础设施建设", "31006 大型修缮", "31007 信息网络及软件购置更新", "31008 物资储备",
            "31009 土地补偿", "31010 安置补助", "31011 地上附着物和青苗补偿", "31012 拆迁补偿",
            "31013 公务用车购置", "31019 其他交通工具购置", "31021 文物和陈列品购置", "31022 无形资产购置",
            "31099 其他资本性支出",
            "399 其他支出", "39906 赠与", "39907 国家赔偿费用支出", "39908 对民间非营利组织和群众性自治组织补贴",
            "39999 其他支出");

    /** 部门经济分类 codes printed in the 2025 seed 004. */
    private static final List<String> SEED_ECON_DEPT_2025 = List.of(
            "30101 基本工资", "30102 津贴补贴", "30103 奖金", "30108 机关事业单位基本养老保险缴费",
            "30110 职工基本医疗保险缴费", "30111 公务员医疗补助缴费", "30112 其他社会保障缴费", "30113 住房公积金",
            "30201 办公费", "30207 邮电费", "30228 工会经费", "30229 福利费", "30239 其他交通费用",
            "30299 其他商品和服务支出", "30302 退休费", "30307 医疗费补助", "30399 其他对个人和家庭的补助",
            "31302 对社会保险基金补助");

    /** 政府经济分类 codes printed in seed 000 (2021). */
    private static final List<String> SEED_ECON_GOV_2021 = List.of(
            "50101 工资奖金津补贴", "50102 社会保障缴费", "50201 办公经费", "50205 委托业务费",
            "50299 其他商品和服务支出", "50501 工资福利支出", "50502 商品和服务支出", "50901 社会福利和救助",
            "50905 离退休费");

    /**
     * 政府经济分类 codes printed in seed 004 (2025). The seed names 50999 "其他对个人和家庭的补助"
     * (the 部门 name); the official 政府 name has no 的, so only its code is checked.
     */
    private static final List<String> SEED_ECON_GOV_2025 = List.of(
            "50101 工资奖金津补贴", "50102 社会保障缴费", "50103 住房公积金", "50201 办公经费",
            "50299 其他商品和服务支出", "50901 社会福利和救助", "50905 离退休费", "50999",
            "51002 对社会保险基金补助");

    /** Correct 部门→政府 pairs printed in seed 004 for 行政 units (seed 000's 505 rows are wrong). */
    private static final List<String> SEED_MAPPINGS_ADMIN = List.of(
            "30101 50101", "30102 50101", "30103 50101", "30108 50102", "30110 50102", "30111 50102",
            "30112 50102", "30113 50103", "30201 50201", "30207 50201", "30228 50201", "30229 50201",
            "30239 50201", "30299 50299", "30302 50905", "30307 50901", "30399 50999", "31302 51002",
            // seed 000 rows that agree with the official table
            "30214 50201", "30226 50205", "30227 50205", "30309 50999");

    // ---- seeds resolve ----------------------------------------------------------------------

    @Test
    void seedFunctionCodesResolveInTheirEdition() {
        Catalog c2021 = Catalog.forYear(2021);
        Catalog c2025 = Catalog.forYear(2025);
        List<String> errors = new ArrayList<>();
        for (String s : SEED_FUNCTION_2021) {
            checkName(errors, "2021 function", s, c2021::functionName);
            // every code of a 2021 seed is still valid in 2025
            checkName(errors, "2025 function", s, c2025::functionName);
        }
        for (String s : SEED_FUNCTION_2025) checkName(errors, "2025 function", s, c2025::functionName);
        for (String s : SEED_CLASSES) {
            checkName(errors, "2021 class", s, c2021::functionName);
            checkName(errors, "2025 class", s, c2025::functionName);
        }
        assertTrue(errors.isEmpty(), String.join("\n", errors));
    }

    @Test
    void seedEconomicCodesResolveInTheirEdition() {
        Catalog c2021 = Catalog.forYear(2021);
        Catalog c2025 = Catalog.forYear(2025);
        List<String> errors = new ArrayList<>();
        for (String s : SEED_ECON_DEPT_2021) {
            checkName(errors, "2021 econ_dept", s, c2021::econDeptName);
            checkName(errors, "2025 econ_dept", s, c2025::econDeptName);
        }
        for (String s : SEED_ECON_DEPT_2025) checkName(errors, "2025 econ_dept", s, c2025::econDeptName);
        for (String s : SEED_ECON_GOV_2021) checkName(errors, "2021 econ_gov", s, c2021::econGovName);
        for (String s : SEED_ECON_GOV_2025) checkName(errors, "2025 econ_gov", s, c2025::econGovName);
        assertTrue(errors.isEmpty(), String.join("\n", errors));
    }

    @Test
    void seedMappingsForAdminUnits() {
        for (int year : Catalog.shippedEditions()) {
            Catalog c = Catalog.forYear(year);
            for (String pair : SEED_MAPPINGS_ADMIN) {
                String[] p = pair.split(" ");
                assertEquals(Optional.of(p[1]), c.govEconFor(p[0], UnitType.ADMIN), year + " " + p[0]);
                assertEquals(Optional.of(p[1]), c.govEconFor(p[0], UnitType.CIVIL_SERVANT_MANAGED),
                        year + " 参公 " + p[0]);
            }
        }
    }

    @Test
    void mappingExamples() {
        Catalog c = Catalog.forYear(2025);
        assertEquals(Optional.of("50101"), c.govEconFor("30101", UnitType.ADMIN));
        assertEquals(Optional.of("50501"), c.govEconFor("30101", UnitType.INSTITUTION));
        assertEquals(Optional.of("50201"), c.govEconFor("30201", UnitType.ADMIN));
        assertEquals(Optional.of("50502"), c.govEconFor("30201", UnitType.INSTITUTION));
        assertEquals(Optional.of("50905"), c.govEconFor("30302", UnitType.INSTITUTION));
        assertEquals(Optional.of("50901"), c.govEconFor("30307", UnitType.INSTITUTION));
        assertEquals(Optional.of("50999"), c.govEconFor("30399", UnitType.ADMIN));
        assertEquals(Optional.of("51002"), c.govEconFor("31302", UnitType.INSTITUTION));
        assertEquals(Optional.of("50306"), c.govEconFor("31002", UnitType.ADMIN));
        assertEquals(Optional.of("50601"), c.govEconFor("31002", UnitType.INSTITUTION));
        assertEquals(Optional.of("50404"), c.govEconFor("30902", UnitType.ADMIN));
        assertEquals(Optional.of("50602"), c.govEconFor("30902", UnitType.INSTITUTION));
        assertEquals(Optional.empty(), c.govEconFor("30104", UnitType.ADMIN));
        assertEquals(Optional.empty(), c.govEconFor("301", UnitType.ADMIN));
    }

    // ---- internal consistency ---------------------------------------------------------------

    @Test
    void everyEconDeptItemMapsForBothUnitTypesToAnExistingGovItem() {
        for (int year : Catalog.shippedEditions()) {
            Catalog c = Catalog.forYear(year);
            List<String> errors = new ArrayList<>();
            for (String code : c.econDept().keySet()) {
                if (code.length() != 5) continue;
                for (UnitType t : UnitType.values()) {
                    Optional<String> gov = c.govEconFor(code, t);
                    if (gov.isEmpty()) {
                        errors.add(year + ": " + code + " has no mapping for " + t.label());
                    } else if (c.econGovName(gov.get()).isEmpty()) {
                        errors.add(year + ": " + code + " maps to unknown " + gov.get());
                    } else if (gov.get().length() != 5) {
                        errors.add(year + ": " + code + " maps to a 类 " + gov.get());
                    }
                }
            }
            assertTrue(errors.isEmpty(), String.join("\n", errors));
        }
    }

    @Test
    void everyItemHasItsParents() {
        for (int year : Catalog.shippedEditions()) {
            Catalog c = Catalog.forYear(year);
            List<String> errors = new ArrayList<>();
            for (String code : c.functions().keySet()) {
                if (code.length() >= 5 && c.functionName(code.substring(0, 3)).isEmpty()) {
                    errors.add(year + " function " + code + ": no 类");
                }
                if (code.length() == 7 && c.functionName(code.substring(0, 5)).isEmpty()) {
                    errors.add(year + " function " + code + ": no 款");
                }
            }
            for (Map<String, String> econ : List.of(c.econDept(), c.econGov())) {
                for (String code : econ.keySet()) {
                    if (code.length() == 5 && !econ.containsKey(code.substring(0, 3))) {
                        errors.add(year + " econ " + code + ": no 类");
                    }
                }
            }
            assertTrue(errors.isEmpty(), String.join("\n", errors));
        }
    }

    @Test
    void allClassesArePresentAndEndLikeTheOfficialCatalog() {
        List<String> classes = List.of("201", "202", "203", "204", "205", "206", "207", "208", "209", "210",
                "211", "212", "213", "214", "215", "216", "217", "219", "220", "221", "222", "223", "224",
                "227", "229", "230", "231", "232", "233", "234");
        for (int year : Catalog.shippedEditions()) {
            Catalog c = Catalog.forYear(year);
            for (String k : classes) {
                String name = c.functionName(k).orElseThrow(() -> new AssertionError(year + " lacks " + k));
                assertTrue(name.endsWith("支出") || name.equals("预备费"), year + " " + k + " " + name);
            }
        }
        assertEquals(Optional.of("文化旅游体育与传媒支出"), Catalog.forYear(2025).functionName("207"));
        assertEquals(Optional.of("社会保险基金支出"), Catalog.forYear(2025).functionName("209"));
    }

    @Test
    void currentNamesAreNotListedAsObsoleteForTheSameCode() {
        for (int year : Catalog.shippedEditions()) {
            Catalog c = Catalog.forYear(year);
            for (Obsolete o : c.obsoleteEntries()) {
                Optional<String> current = Obsolete.FUNCTION.equals(o.kind())
                        ? c.functionName(o.code()) : c.econDeptName(o.code());
                assertFalse(current.isPresent() && current.get().equals(o.name()),
                        year + ": " + o.code() + " " + o.name() + " is both current and obsolete");
            }
        }
    }

    /**
     * The generic 项 sit where the official catalog puts them: 01 行政运行, 02 一般行政管理事务, 03 机关服务, 50 事业运行;
     * a 99 项 is an 其他 item (其他…支出, 财政对其他…的补助).
     */
    @Test
    void genericItemsSitAtTheirOfficialPositions() {
        Map<String, String> positions = Map.of("行政运行", "01", "一般行政管理事务", "02", "机关服务", "03", "事业运行", "50");
        for (int year : Catalog.shippedEditions()) {
            Catalog c = Catalog.forYear(year);
            List<String> errors = new ArrayList<>();
            c.functions().forEach((code, name) -> {
                String at = positions.get(name);
                // 农业农村 is the one 款 whose 事业运行 is 04 (2130104)
                if (at != null && !code.endsWith(at) && !code.equals("2130104")) errors.add(year + " " + code + " " + name);
                if (code.length() == 7 && code.endsWith("99") && !name.contains("其他")) errors.add(year + " " + code + " " + name);
            });
            assertTrue(errors.isEmpty(), String.join("\n", errors));
        }
    }

    /** Two codes under one 类 or 款 never share a name (a copy-paste slip would print the same row twice). */
    @Test
    void siblingsHaveDistinctNames() {
        for (int year : Catalog.shippedEditions()) {
            Catalog c = Catalog.forYear(year);
            for (Map<String, String> codes : List.of(c.functions(), c.econDept(), c.econGov())) {
                Map<String, String> seen = new java.util.HashMap<>();
                codes.forEach((code, name) -> {
                    String parent = code.length() == 3 ? "" : code.substring(0, code.length() - 2);
                    String other = seen.put(parent + "|" + name, code);
                    assertTrue(other == null, year + ": " + other + " and " + code + " are both " + name);
                });
            }
        }
    }

    /** Issue 14: a 农业农村局 writes 201 and 213 codes; the 款 and the generic 项 of 213 are shipped in both editions. */
    @Test
    void agricultureForestryAndWater() {
        for (int year : Catalog.shippedEditions()) {
            Catalog c = Catalog.forYear(year);
            for (String s : List.of("213 农林水支出", "21301 农业农村", "2130101 行政运行", "2130102 一般行政管理事务",
                    "2130103 机关服务", "2130104 事业运行", "2130199 其他农业农村支出", "21302 林业和草原", "2130201 行政运行",
                    "21303 水利", "2130301 行政运行", "21307 农村综合改革", "21308 普惠金融发展支出", "21399 其他农林水支出",
                    "2139999 其他农林水支出", "2010101 行政运行", "20138 市场监督管理事务")) {
                List<String> errors = new ArrayList<>();
                checkName(errors, year + " function", s, c::functionName);
                assertTrue(errors.isEmpty(), String.join("\n", errors));
            }
            assertEquals(List.of(), c.missingFunctionParents("2130110"), "its 类 and 款 exist: the lead accepts a named 项");
            assertEquals(List.of("21397"), c.missingFunctionParents("2139701"));
            assertEquals(List.of("235", "23501"), c.missingFunctionParents("2350101"));
            assertEquals(List.of(), c.missingEconDeptParents("30230"));
            assertEquals(List.of("304"), c.missingEconDeptParents("30401"));
        }
        assertEquals(Optional.of("扶贫"), Catalog.forYear(2021).functionName("21305"));
        assertEquals(Optional.of("巩固脱贫攻坚成果衔接乡村振兴"), Catalog.forYear(2025).functionName("21305"));
        assertEquals("21305 巩固脱贫攻坚成果衔接乡村振兴", Catalog.forYear(2025).obsolete("21305", "扶贫").orElseThrow().replacement());
        assertEquals(Optional.empty(), Catalog.forYear(2021).obsolete("21305", "扶贫"));
    }

    /** Every 类 and 款 has the ordinal row the tables number 类 by, and the class list of each edition is complete. */
    @Test
    void everyClassHasItsOrdinal() {
        for (int year : Catalog.shippedEditions()) {
            Catalog c = Catalog.forYear(year);
            List<String> classes = c.functions().keySet().stream().filter(k -> k.length() == 3).toList();
            assertEquals(classes, c.classes(), year + ": class_order.csv lists every 类 of function.csv");
        }
    }

    // ---- editions ---------------------------------------------------------------------------

    /** The shipped editions are the year folders of the catalog resource folder, not a list in Java. */
    @Test
    void editionsAreTheFolders() throws java.io.IOException {
        List<Integer> folders;
        try (java.util.stream.Stream<java.nio.file.Path> s = java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/catalog"))) {
            folders = s.filter(java.nio.file.Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("\\d{4}")).map(Integer::valueOf).sorted().toList();
        }
        assertEquals(folders, Catalog.shippedEditions());
        assertEquals(List.of(2021, 2025), folders, "the editions this test's other assertions are about");
        assertEquals(2021, Catalog.inForce(List.of(2021, 2025), 2019));
        assertEquals(2025, Catalog.inForce(List.of(2021, 2025), 2026));
    }

    /** In the packaged jar the catalog is a folder inside a zip: the same lookup lists it (a dependency's jar here). */
    @Test
    void aFolderInsideAJarIsListed() throws java.io.IOException {
        java.nio.file.Path inJar = org.budgetpdf.load.ClasspathFolder.of("/org/junit/jupiter/api").orElseThrow();
        assertEquals("jar", inJar.toUri().getScheme());
        try (java.util.stream.Stream<java.nio.file.Path> s = java.nio.file.Files.list(inJar)) {
            assertTrue(s.anyMatch(p -> p.getFileName().toString().startsWith("Test.class")));
        }
    }

    /** A fault in a shipped file is the program's: it stops the load, naming file and line. */
    @Test
    void aBrokenShippedFileStopsTheLoad() {
        CatalogReader.Tables t = new CatalogReader.Tables();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CatalogReader.read(t, name -> Optional.of(
                new CatalogReader.Csv("catalog/2099/" + name, name.equals("function.csv")
                        ? List.of("code,name", "213,农林水支出", "2130101,行政运行") : List.of(CatalogReader.FILES.get(name)))),
                CatalogReader.STRICT));
        assertTrue(e.getMessage().contains("catalog/2099/function.csv:3:1"), e.getMessage());
        assertTrue(e.getMessage().contains("21301"), e.getMessage());
    }

    @Test
    void editionSelection() {
        assertEquals(2021, Catalog.forYear(2020).editionYear());
        assertEquals(2021, Catalog.forYear(2021).editionYear());
        assertEquals(2021, Catalog.forYear(2023).editionYear());
        assertEquals(2021, Catalog.forYear(2024).editionYear());
        assertEquals(2025, Catalog.forYear(2025).editionYear());
        assertEquals(2025, Catalog.forYear(2030).editionYear());
        assertSame(Catalog.forYear(2022), Catalog.forYear(2023), "editions are cached");
    }

    @Test
    void codesWithSpacesAndLevels() {
        Catalog c = Catalog.forYear(2021);
        assertEquals(Optional.of("行政运行"), c.functionName("210 15 01"));
        assertEquals(Optional.of("医疗保障管理事务"), c.functionName("21015"));
        assertEquals(Optional.empty(), c.functionName("210 15 1"));
        assertEquals(Optional.empty(), c.functionName(null));
        assertEquals(Optional.of("职工基本医疗保险缴费"), c.econDeptName("301 10"));
        assertEquals("类", Catalog.functionLevelName(3));
        assertEquals("款", Catalog.functionLevelName(5));
        assertEquals("项", Catalog.functionLevelName(7));
        assertThrows(IllegalArgumentException.class, () -> Catalog.functionLevelName(4));
    }

    @Test
    void unitTypeLabels() {
        assertEquals(Optional.of(UnitType.ADMIN), UnitType.fromLabel("行政"));
        assertEquals(Optional.of(UnitType.CIVIL_SERVANT_MANAGED), UnitType.fromLabel("参公单位"));
        assertEquals(Optional.of(UnitType.INSTITUTION), UnitType.fromLabel(" 事业 "));
        assertEquals(Optional.empty(), UnitType.fromLabel("企业"));
        assertEquals(Optional.empty(), UnitType.fromLabel(null));
        assertEquals("参公", UnitType.CIVIL_SERVANT_MANAGED.label());
    }

    // ---- obsolete ---------------------------------------------------------------------------

    @Test
    void obsoleteClassNamesFromTheSeeds() {
        for (int year : Catalog.shippedEditions()) {
            Catalog c = Catalog.forYear(year);
            // seed 000 财政拨款收支总体表, seed 004 01表/04表
            for (String s : List.of("210 医疗卫生", "210 医疗卫生与计划生育支出", "207 文化体育与传媒",
                    "220 国土海洋气象等支出", "215 资源勘探电力信息等事务", "215 资源勘探信息等",
                    "215 资源勘探信息等支出", "212 城乡社区事务", "213 农林水事务支出")) {
                String[] p = s.split(" ");
                Obsolete o = c.obsolete(p[0], p[1]).orElseThrow(() -> new AssertionError(year + " " + s));
                assertEquals(Obsolete.FUNCTION, o.kind());
                assertTrue(o.replacement().startsWith(p[0] + " "), o.replacement());
                assertTrue(c.functionName(p[0]).isPresent());
            }
            assertEquals(Optional.empty(), c.obsolete("210", "卫生健康支出"));
            assertEquals("210 卫生健康支出", c.obsoleteByName("医疗卫生与计划生育支出").orElseThrow().replacement());
            assertEquals(Optional.empty(), c.obsoleteByName("卫生健康支出"));
        }
    }

    @Test
    void obsoleteEconomicItemsFromSeed000() {
        Catalog c = Catalog.forYear(2021);
        // 基本支出表 of seed 000 prints pre-2018 items next to current ones
        for (String s : List.of("30104 其他社会保障缴费", "30307 医疗费", "30310 生产补贴", "30311 住房公积金",
                "30312 提租补贴", "30313 购房补贴", "30314 采暖补贴", "30315 物业服务补贴", "31020 产权参股")) {
            String[] p = s.split(" ");
            Obsolete o = c.obsolete(p[0], p[1]).orElseThrow(() -> new AssertionError(s));
            assertEquals(Obsolete.ECON_DEPT, o.kind());
            assertFalse(o.replacement().isEmpty());
        }
        assertEquals("30113 住房公积金", c.obsolete("303 11", "住房公积金").orElseThrow().replacement());
        assertEquals("30112 其他社会保障缴费", c.obsolete("30104", "其他社会保障缴费").orElseThrow().replacement());
        // codes removed in 2018 are not in the current list
        for (String code : List.of("30104", "30312", "30313", "30314", "30315", "31020")) {
            assertTrue(c.econDeptName(code).isEmpty(), code);
            assertFalse(c.obsoleteForCode(code).isEmpty(), code);
        }
        // a current pair is not obsolete
        assertEquals(Optional.empty(), c.obsolete("30311", "代缴社会保险费"));
        assertEquals(Optional.empty(), c.obsolete("30113", "住房公积金"));
        // names that are also current names cannot be judged without the code
        assertEquals(Optional.empty(), c.obsoleteByName("住房公积金"));
        assertEquals(Optional.empty(), c.obsoleteByName("医疗费"));
        assertEquals(Optional.empty(), c.obsoleteByName("其他社会保障缴费"));
        assertEquals("30102 津贴补贴", c.obsoleteByName("提租补贴").orElseThrow().replacement());
        assertEquals("31020", c.obsoleteByName("产权参股").orElseThrow().code());
        // stray spaces from PDF text are tolerated
        assertTrue(c.obsolete("210", " 医疗卫生与计划 生育支出").isPresent());
    }

    // ---- helpers ----------------------------------------------------------------------------

    /** "code name" or "code": checks the code resolves and, when a name is given, that it matches. */
    private static void checkName(List<String> errors, String what, String seedEntry,
                                  java.util.function.Function<String, Optional<String>> lookup) {
        String code = seedEntry.replaceAll("[^0-9 ].*$", "").strip();
        String name = seedEntry.substring(code.length()).strip();
        Optional<String> found = lookup.apply(code);
        if (found.isEmpty()) {
            errors.add(what + ": " + code + " not found");
        } else if (!name.isEmpty() && !found.get().equals(name)) {
            errors.add(what + ": " + code + " is '" + found.get() + "', seed prints '" + name + "'");
        }
    }
}
