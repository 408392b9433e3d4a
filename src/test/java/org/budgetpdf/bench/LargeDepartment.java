package org.budgetpdf.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

/**
 * Writes the benchmark's large data file (issue 9: "about 40 pages and 650 table rows"), a fictitious county 卫生健康委员会
 * with nine units, basic expenditure over many 功能科目 × 经济科目 pairs of the 2025 catalog and sixty projects with
 * performance indicators:
 * <pre>mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.budgetpdf.bench.LargeDepartment</pre>
 * Deterministic: a fixed seed, no clock, no network; {@code LargeDepartmentTest} checks that the committed file is
 * exactly what this program writes. The file holds detail amounts only; the figures derived from them (totals,
 * prior-year figures and the parts of each year-on-year change, 三公, 批复 control figures, procurement) are computed
 * here from the same details, so the checker finds them consistent.
 */
public final class LargeDepartment {
    /** Where the file lives, relative to the project folder. */
    public static final Path FILE = Path.of("src/test/resources/bench/large-2025-budget.yaml");
    private static final long SEED = 20250305L;

    private LargeDepartment() {
    }

    /** Args: [output file] [copies of the projects, default 1]. More copies make a longer document (the benchmark's pages option). */
    public static void main(String[] args) throws IOException {
        Path out = args.length > 0 ? Path.of(args[0]) : FILE;
        int copies = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, generate(copies), StandardCharsets.UTF_8);
        System.out.println("已写入 " + out);
    }

    /** The whole file. */
    public static String generate() {
        return generate(1);
    }

    /**
     * The file with every project {@code copies} times (the copies named “（第 n 批）”, each unit's projects kept
     * together): the same department with more project and performance tables, about 16 pages more per copy.
     */
    public static String generate(int copies) {
        if (copies < 1) throw new IllegalArgumentException("copies: " + copies);
        return new Gen(copies).run();
    }

    // ---- the department ----------------------------------------------------------------------------------------------

    static final String DEPT = "青岚县卫生健康委员会";

    /**
     * A unit. {@code staff}: people on the payroll; {@code run}: the 功能分类项 of its running costs; {@code cars}: cars
     * whose running costs are 三公 (30231); {@code reception}: 公务接待费 in 万元 cents.
     */
    record Unit(String code, String name, String type, String grade, String funding, int posts, int staff, int retirees,
                String run, int cars, long reception) {
        boolean admin() {
            return !type.equals("事业");
        }
    }

    static final Unit U1 = new Unit("326001", DEPT, "行政", "正科级", "财政拨款", 34, 31, 16, "2100101", 2, 180);
    static final Unit U2 = new Unit("326002", "青岚县卫生健康综合监督所", "参公", "副科级", "财政拨款", 20, 18, 6, "2100199", 2, 60);
    static final Unit U3 = new Unit("326003", "青岚县计划生育协会", "参公", "副科级", "财政拨款", 6, 5, 3, "2100799", 0, 0);
    static final Unit U4 = new Unit("326004", "青岚县疾病预防控制中心", "事业", "副科级", "财政拨款", 50, 46, 21, "2100499", 1, 80);
    static final Unit U5 = new Unit("326005", "青岚县妇幼保健计划生育服务中心", "事业", "副科级", "财政补助", 64, 58, 15, "2100716", 0, 0);
    static final Unit U6 = new Unit("326006", "青岚县卫生健康服务中心", "事业", "股级", "财政拨款", 14, 12, 3, "2100103", 0, 0);
    static final Unit U7 = new Unit("326007", "青岚县急救指挥中心", "事业", "股级", "财政拨款", 24, 21, 2, "2100499", 0, 0);
    static final Unit U8 = new Unit("326008", "青岚县爱国卫生运动服务中心", "事业", "股级", "财政拨款", 10, 9, 4, "2100199", 0, 0);
    static final Unit U9 = new Unit("326009", "青岚县老龄健康服务中心", "事业", "股级", "财政拨款", 8, 7, 1, "2100199", 0, 0);
    static final List<Unit> UNITS = List.of(U1, U2, U3, U4, U5, U6, U7, U8, U9);

    /** One amount of a 基本支出 line or of a project: 功能科目, 经济科目, 万元 cents, 资金 (null: 财政拨款). */
    record Detail(String unit, String func, String econ, long cents, String fund, boolean project) {
    }

    /** One 三级 indicator under its 一级 and 二级. */
    record Indicator(String level1, String level2, String name, String value) {
    }

    static final class Project {
        final Unit unit;
        final String type;
        final String name;
        final long lo;
        final long hi;
        String func;
        final List<Object[]> econs = new ArrayList<>(); // {econ, percent}
        String fund;
        String transfer;
        String purchase; // 货物 / 服务 / null
        final List<Indicator> indicators = new ArrayList<>();
        String code;
        long cents;
        final List<Detail> details = new ArrayList<>();

        Project(Unit unit, String type, String name, long lo, long hi) {
            this.unit = unit;
            this.type = type;
            this.name = name;
            this.lo = lo;
            this.hi = hi;
        }

        /** The same project under another name (its amount is drawn anew). */
        Project copy(String suffix) {
            Project p = new Project(unit, type, name + suffix, lo, hi);
            p.func = func;
            p.econs.addAll(econs);
            p.fund = fund;
            p.transfer = transfer;
            p.purchase = purchase;
            p.indicators.addAll(indicators);
            return p;
        }

        Project at(String func, String econ) {
            this.func = func;
            econs.add(new Object[] {econ, 100});
            return this;
        }

        /** Several 经济科目 under one 功能科目: econ, percent, econ, percent… (the last takes the remainder). */
        Project split(String func, Object... econPercent) {
            this.func = func;
            for (int i = 0; i < econPercent.length; i += 2) econs.add(new Object[] {econPercent[i], econPercent[i + 1]});
            return this;
        }

        Project fund(String f) {
            this.fund = f;
            return this;
        }

        Project transfer(String t) {
            this.fund = "一般公共预算其他";
            this.transfer = t;
            return this;
        }

        Project buy(String kind) {
            this.purchase = kind;
            return this;
        }

        Project qty(String n, String v) {
            return ind("产出指标", "数量指标", n, v);
        }

        Project quality(String n, String v) {
            return ind("产出指标", "质量指标", n, v);
        }

        Project time(String n, String v) {
            return ind("产出指标", "时效指标", n, v);
        }

        Project social(String n, String v) {
            return ind("效益指标", "社会效益指标", n, v);
        }

        Project lasting(String n, String v) {
            return ind("效益指标", "可持续影响指标", n, v);
        }

        Project satisfied(String n, String v) {
            return ind("满意度指标", "服务对象满意度指标", n, v);
        }

        private Project ind(String l1, String l2, String n, String v) {
            indicators.add(new Indicator(l1, l2, n, v));
            return this;
        }
    }

    /** The projects, in the order of the file (by unit). Amounts are drawn between lo and hi 万元. */
    static List<Project> projects() {
        List<Project> ps = new ArrayList<>();
        // 委机关
        ps.add(p(U1, "特", "基本公共卫生服务项目县级配套资金", 420, 520).at("2100408", "30227")
                .qty("服务常住人口数", "≥54万人").quality("居民电子健康档案建档率", "≥90%").time("资金拨付时间", "每季度末前")
                .social("基本公共卫生服务均等化水平", "稳步提高").satisfied("城乡居民满意度", "≥90%"));
        ps.add(p(U1, "特", "提前下达2025年中央财政基本公共卫生服务补助资金", 1500, 1800).at("2100408", "30227")
                .transfer("基本公共卫生服务补助资金")
                .qty("签约服务重点人群人数", "≥12万人").quality("高血压患者规范管理率", "≥65%").time("资金下达时间", "收到资金后30日内")
                .social("居民健康素养水平", "≥30%").satisfied("城乡居民满意度", "≥90%"));
        ps.add(p(U1, "特", "提前下达2025年省级基本公共卫生服务补助资金", 260, 340).at("2100408", "30227")
                .transfer("省级基本公共卫生服务补助资金")
                .qty("老年人健康管理人数", "≥6.5万人").quality("糖尿病患者规范管理率", "≥65%").time("资金下达时间", "收到资金后30日内")
                .social("重点人群健康管理水平", "持续提升").satisfied("服务对象满意度", "≥90%"));
        ps.add(p(U1, "特", "提前下达2025年中央财政重大传染病防控补助资金", 180, 240).at("2100409", "30227")
                .transfer("重大传染病防控经费")
                .qty("适龄儿童免疫规划疫苗接种人次", "≥4.2万人次").quality("适龄儿童免疫规划疫苗接种率", "≥90%")
                .time("资金下达时间", "收到资金后30日内").social("甲乙类传染病报告发病率", "低于全省平均水平")
                .satisfied("群众满意度", "≥90%"));
        ps.add(p(U1, "特", "农村部分计划生育家庭奖励扶助资金", 160, 210).at("2100717", "30305")
                .qty("奖励扶助对象人数", "≥1.8万人").quality("扶助资金足额发放率", "100%").time("资金发放时间", "6月底前")
                .social("计划生育家庭生活保障水平", "有所提高").satisfied("扶助对象满意度", "≥95%"));
        ps.add(p(U1, "特", "计划生育家庭特别扶助资金", 80, 120).at("2100717", "30305")
                .qty("特别扶助对象人数", "≥1100人").quality("特别扶助对象审核准确率", "100%").time("资金发放时间", "按季度发放")
                .social("特殊家庭生活困难", "有效缓解").satisfied("扶助对象满意度", "≥95%"));
        ps.add(p(U1, "特", "提前下达2025年中央财政计划生育转移支付资金", 210, 280).at("2100717", "30305")
                .transfer("计划生育转移支付资金")
                .qty("奖励扶助和特别扶助人数", "≥1.9万人").quality("资金发放准确率", "100%").time("资金发放时间", "年底前")
                .social("计划生育家庭发展能力", "逐步增强").satisfied("扶助对象满意度", "≥95%"));
        ps.add(p(U1, "特", "独生子女父母奖励费", 30, 45).at("2100717", "30309")
                .qty("领取奖励费人数", "≥3600人").quality("奖励费兑现率", "100%").time("资金发放时间", "年底前")
                .social("政策兑现到位", "有效落实").satisfied("受益群众满意度", "≥95%"));
        ps.add(p(U1, "特", "优抚对象医疗补助", 32, 48).at("2101401", "30307")
                .qty("优抚对象人数", "≥850人").quality("医疗补助政策落实率", "100%").time("补助结算时间", "出院结算时")
                .social("优抚对象医疗负担", "有效减轻").satisfied("优抚对象满意度", "≥95%"));
        ps.add(p(U1, "特", "离休干部医药费", 20, 32).at("2101199", "30307")
                .qty("离休干部人数", "6人").quality("医药费报销准确率", "100%").time("报销办理时间", "每月月底前")
                .social("离休干部医疗待遇", "按规定落实").satisfied("离休干部满意度", "≥98%"));
        ps.add(p(U1, "特", "乡村医生养老生活补助", 60, 90).at("2100499", "30305")
                .qty("享受补助的老年乡村医生人数", "≥420人").quality("补助对象认定准确率", "100%").time("资金发放时间", "年底前")
                .social("乡村医生队伍稳定性", "有所增强").satisfied("补助对象满意度", "≥95%"));
        ps.add(p(U1, "特", "家庭医生签约服务补助", 90, 130).at("2100408", "30227")
                .qty("家庭医生签约人数", "≥18万人").quality("重点人群签约服务覆盖率", "≥75%").time("资金拨付时间", "年底前")
                .social("基层首诊和分级诊疗", "稳步推进").satisfied("签约居民满意度", "≥90%"));
        ps.add(p(U1, "特", "村卫生室实施基本药物制度补助", 110, 150).at("2100499", "30399")
                .qty("补助村卫生室数量", "326个").quality("基本药物零差率销售执行率", "100%").time("资金拨付时间", "每半年一次")
                .social("群众基本用药负担", "有所减轻").satisfied("村医满意度", "≥90%"));
        ps.add(p(U1, "特", "卫生健康信息化建设", 150, 210).split("2100199", "31007", 60, "30227", 40).buy("货物")
                .qty("接入信息平台的医疗卫生机构数", "≥360家").quality("系统验收合格率", "100%").time("项目完成时间", "10月底前")
                .social("电子健康档案调阅便利程度", "明显提高").lasting("信息系统持续运行年限", "≥5年")
                .satisfied("医务人员满意度", "≥90%"));
        ps.add(p(U1, "特", "医疗卫生人才培养培训", 45, 70).at("2050803", "30216")
                .qty("培训基层卫生技术人员人次", "≥800人次").quality("培训考核合格率", "≥95%").time("培训完成时间", "11月底前")
                .social("基层医疗服务能力", "有所提升").satisfied("参训人员满意度", "≥90%"));
        ps.add(p(U1, "特", "医疗质量控制和医疗机构等级评审", 20, 32).at("2100199", "30227")
                .qty("质控检查医疗机构数", "≥25家").quality("等级评审按期完成率", "100%").time("评审完成时间", "11月底前")
                .social("医疗服务质量和安全水平", "持续提升").satisfied("患者满意度", "≥90%"));
        ps.add(p(U1, "运", "卫生健康系统干部教育培训", 8, 14).at("2050802", "30216")
                .qty("培训干部人次", "≥300人次").quality("培训出勤率", "≥95%").time("培训完成时间", "11月底前")
                .social("干部履职能力", "有所提升").satisfied("参训干部满意度", "≥90%"));
        ps.add(p(U1, "运", "委机关聘用人员经费", 18, 26).at("2100102", "30226")
                .qty("聘用人员人数", "6人").quality("工资发放合规率", "100%").time("工资发放时间", "每月月底前")
                .social("机关日常工作保障", "运转有序").satisfied("服务对象满意度", "≥90%"));
        ps.add(p(U1, "运", "卫生健康政策宣传", 12, 20).at("2100102", "30202")
                .qty("印制宣传资料份数", "≥5万份").quality("宣传内容审核合格率", "100%").time("宣传活动完成时间", "年底前")
                .social("居民对卫生健康政策知晓率", "≥85%").satisfied("群众满意度", "≥90%"));
        ps.add(p(U1, "运", "卫生应急管理工作经费", 15, 25).at("2100102", "30299")
                .qty("卫生应急演练次数", "≥2次").quality("突发公共卫生事件规范处置率", "100%")
                .time("突发事件响应时间", "2小时内").social("突发公共卫生事件应对能力", "有所提升")
                .satisfied("群众满意度", "≥90%"));
        ps.add(p(U1, "特", "医疗废物集中处置补助", 40, 60).at("2100499", "30227").buy("服务")
                .qty("纳入集中处置的基层医疗机构数", "≥360家").quality("医疗废物规范处置率", "100%")
                .time("处置费用结算时间", "每季度末前").social("医疗废物污染环境风险", "有效降低")
                .satisfied("医疗机构满意度", "≥90%"));
        ps.add(p(U1, "特", "农村适龄妇女“两癌”免费筛查", 55, 80).at("2100409", "30227").buy("服务")
                .qty("宫颈癌和乳腺癌筛查人数", "≥1.2万人").quality("筛查结果随访率", "≥95%").time("筛查任务完成时间", "11月底前")
                .social("妇女“两癌”早诊早治率", "有所提高").satisfied("受检妇女满意度", "≥90%"));
        ps.add(p(U1, "特", "免费孕前优生健康检查", 35, 55).at("2100717", "30227").buy("服务")
                .qty("孕前优生健康检查人数", "≥4200人").quality("目标人群覆盖率", "≥80%").time("检查任务完成时间", "年底前")
                .social("出生缺陷发生风险", "有效降低").satisfied("受检群众满意度", "≥90%"));
        ps.add(p(U1, "特", "严重精神障碍患者救治救助", 40, 65).at("2100409", "30307")
                .qty("救治救助患者人数", "≥1300人").quality("患者规范管理率", "≥85%").time("救助资金结算时间", "出院结算时")
                .social("肇事肇祸案事件发生率", "明显下降").satisfied("患者家属满意度", "≥90%"));
        ps.add(p(U1, "特", "中医药传承创新发展", 30, 50).at("2100199", "30227")
                .qty("建设中医馆的乡镇卫生院数", "≥6个").quality("中医药适宜技术推广覆盖率", "≥80%")
                .time("项目完成时间", "年底前").social("群众获得中医药服务的便利程度", "有所提高")
                .satisfied("就诊群众满意度", "≥90%"));
        ps.add(p(U1, "特", "紧密型县域医共体建设补助", 60, 90).at("2100199", "30227")
                .qty("纳入医共体的乡镇卫生院数", "21家").quality("县域内住院量占比", "≥85%").time("资金拨付时间", "年底前")
                .social("县域医疗服务能力", "明显提升").satisfied("就诊群众满意度", "≥90%"));
        ps.add(p(U1, "特", "基层医疗卫生机构绩效考核", 20, 35).at("2100199", "30227")
                .qty("考核基层医疗卫生机构数", "21家").quality("考核结果应用率", "100%").time("考核完成时间", "次年1月底前")
                .social("基层医疗卫生服务质量", "持续改进").satisfied("被考核单位满意度", "≥90%"));
        // 综合监督所（参公）
        ps.add(p(U2, "特", "卫生健康综合监督执法", 30, 45).split("2100199", "30211", 35, "30218", 40, "30299", 25)
                .qty("监督检查单位户次", "≥2800户次").quality("监督执法案件合格率", "≥95%").time("年度监督任务完成时间", "12月底前")
                .social("公共卫生违法行为", "有效遏制").satisfied("被监督单位满意度", "≥90%"));
        ps.add(p(U2, "特", "公共场所和生活饮用水卫生监测", 25, 40).at("2100499", "30227").buy("服务")
                .qty("监测样品数量", "≥600份").quality("监测报告出具合格率", "100%").time("监测任务完成时间", "11月底前")
                .social("生活饮用水安全保障水平", "持续提高").satisfied("群众满意度", "≥90%"));
        ps.add(p(U2, "特", "职业卫生和放射卫生监督检查", 15, 25).at("2100199", "30227")
                .qty("监督检查用人单位数", "≥150家").quality("监督覆盖率", "≥95%").time("检查完成时间", "11月底前")
                .social("劳动者职业健康权益", "有效保障").satisfied("劳动者满意度", "≥90%"));
        ps.add(p(U2, "特", "卫生监督执法装备购置", 18, 30).at("2100199", "31003").buy("货物")
                .qty("购置快速检测设备台数", "≥12台").quality("设备验收合格率", "100%").time("采购完成时间", "9月底前")
                .lasting("设备使用年限", "≥5年").satisfied("执法人员满意度", "≥90%"));
        ps.add(p(U2, "特", "卫生监督执法人员制式服装购置", 6, 10).at("2100199", "30224").buy("货物")
                .qty("配发执法服装人数", "18人").quality("服装验收合格率", "100%").time("采购完成时间", "5月底前")
                .social("执法形象和执法规范化水平", "有所提升").satisfied("执法人员满意度", "≥90%"));
        ps.add(p(U2, "运", "综合监督所聘用人员经费", 10, 16).at("2100199", "30226")
                .qty("聘用人员人数", "4人").quality("工资发放合规率", "100%").time("工资发放时间", "每月月底前")
                .social("监督执法辅助工作保障", "运转有序").satisfied("服务对象满意度", "≥90%"));
        // 计划生育协会（参公）
        ps.add(p(U3, "特", "计生特殊家庭“暖心家园”帮扶", 20, 32).at("2100799", "30305")
                .qty("帮扶计生特殊家庭户数", "≥320户").quality("帮扶对象建档率", "100%").time("帮扶活动完成时间", "年底前")
                .social("计生特殊家庭生活质量", "有所改善").satisfied("帮扶对象满意度", "≥95%"));
        ps.add(p(U3, "运", "计划生育协会工作经费", 6, 10).at("2100799", "30299")
                .qty("开展协会活动次数", "≥8次").quality("活动计划完成率", "100%").time("活动完成时间", "年底前")
                .social("群众自我服务能力", "有所增强").satisfied("会员满意度", "≥90%"));
        ps.add(p(U3, "特", "青春健康教育和优生优育指导", 8, 14).at("2100799", "30227")
                .qty("开展讲座场次", "≥30场").quality("受众覆盖率", "≥80%").time("活动完成时间", "11月底前")
                .social("青少年健康知识知晓率", "≥80%").satisfied("参与群众满意度", "≥90%"));
        // 疾病预防控制中心
        ps.add(p(U4, "特", "免疫规划疫苗冷链运行维护", 35, 55).split("2100409", "30213", 45, "30218", 55)
                .qty("维护冷链设备台数", "≥180台").quality("冷链设备完好率", "≥98%").time("巡检频次", "每季度一次")
                .social("疫苗储存运输安全", "有效保障").satisfied("接种单位满意度", "≥90%"));
        ps.add(p(U4, "特", "传染病监测与疫情处置", 45, 70).at("2100409", "30218").buy("货物")
                .qty("监测哨点数量", "≥24个").quality("传染病报告及时率", "≥98%").time("疫情处置响应时间", "2小时内")
                .social("聚集性疫情发生风险", "有效控制").satisfied("群众满意度", "≥90%"));
        ps.add(p(U4, "特", "艾滋病和结核病防治", 30, 50).at("2100409", "30227")
                .qty("艾滋病检测人次", "≥2.5万人次").quality("肺结核患者成功治疗率", "≥90%").time("任务完成时间", "12月底前")
                .social("艾滋病和结核病疫情", "控制在低流行水平").satisfied("患者满意度", "≥90%"));
        ps.add(p(U4, "特", "慢性病及地方病防治", 25, 40).at("2100409", "30227")
                .qty("慢性病监测点数量", "≥8个").quality("碘盐覆盖率", "≥95%").time("任务完成时间", "12月底前")
                .social("重大慢性病过早死亡率", "逐步下降").satisfied("群众满意度", "≥90%"));
        ps.add(p(U4, "特", "实验室检测试剂和耗材购置", 40, 60).at("2100499", "30218").buy("货物")
                .qty("购置检测试剂批次", "≥40批次").quality("试剂验收合格率", "100%").time("采购完成时间", "6月底前")
                .social("实验室检测能力", "有效保障").satisfied("检测服务对象满意度", "≥90%"));
        ps.add(p(U4, "特", "疾控中心检验检测设备购置", 120, 160).at("2100499", "31003").buy("货物")
                .qty("购置检验检测设备台数", "≥6台").quality("设备验收合格率", "100%").time("采购完成时间", "8月底前")
                .lasting("设备使用年限", "≥8年").satisfied("检验人员满意度", "≥90%"));
        ps.add(p(U4, "特", "卫生检验检测服务", 25, 40).at("2100499", "30218").fund("财政专户")
                .qty("完成检验检测样品数", "≥3000份").quality("检测报告准确率", "100%").time("报告出具时间", "受理后7个工作日内")
                .social("公共卫生风险监测能力", "有所提升").satisfied("送检单位满意度", "≥90%"));
        ps.add(p(U4, "特", "预防接种异常反应补偿", 8, 15).at("2100409", "30307")
                .qty("补偿受种者人数", "按实际发生").quality("补偿审核准确率", "100%").time("补偿款支付时间", "认定后30日内")
                .social("预防接种工作社会信任度", "有所提高").satisfied("受种者家属满意度", "≥90%"));
        ps.add(p(U4, "特", "狂犬病暴露处置和寄生虫病防治", 15, 25).at("2100409", "30218")
                .qty("规范处置狂犬病暴露人次", "≥2000人次").quality("暴露后规范处置率", "100%").time("处置时间", "暴露后24小时内")
                .social("狂犬病发病", "零发生").satisfied("就诊群众满意度", "≥90%"));
        ps.add(p(U4, "运", "疾控中心聘用人员经费", 28, 40).at("2100499", "30226")
                .qty("聘用人员人数", "9人").quality("工资发放合规率", "100%").time("工资发放时间", "每月月底前")
                .social("疾病预防控制辅助工作保障", "运转有序").satisfied("服务对象满意度", "≥90%"));
        // 妇幼保健计划生育服务中心
        ps.add(p(U5, "特", "孕产妇和0至6岁儿童健康管理", 40, 60).split("2100408", "30218", 60, "30226", 40)
                .qty("孕产妇系统管理人数", "≥4500人").quality("孕产妇系统管理率", "≥90%").time("任务完成时间", "12月底前")
                .social("孕产妇死亡率", "≤10/10万").satisfied("服务对象满意度", "≥90%"));
        ps.add(p(U5, "特", "新生儿疾病筛查和听力筛查", 25, 40).at("2100409", "30218")
                .qty("新生儿疾病筛查人数", "≥4000人").quality("新生儿疾病筛查率", "≥98%").time("筛查结果反馈时间", "15日内")
                .social("出生缺陷儿童早发现早干预", "有效落实").satisfied("新生儿家长满意度", "≥90%"));
        ps.add(p(U5, "特", "危重孕产妇和新生儿救治", 20, 35).at("2100409", "30218")
                .qty("救治危重孕产妇和新生儿人数", "≥150人").quality("危重孕产妇救治成功率", "≥95%").time("转诊响应时间", "30分钟内")
                .social("婴儿死亡率", "≤5‰").satisfied("患者家属满意度", "≥90%"));
        ps.add(p(U5, "特", "预防艾滋病、梅毒和乙肝母婴传播", 12, 20).at("2100409", "30218")
                .qty("孕产妇检测人数", "≥4500人").quality("孕产妇检测率", "≥95%").time("检测结果反馈时间", "7日内")
                .social("母婴传播率", "持续下降").satisfied("孕产妇满意度", "≥90%"));
        ps.add(p(U5, "特", "出生缺陷综合防治", 20, 32).at("2100717", "30218")
                .qty("产前筛查人数", "≥3500人").quality("产前筛查率", "≥85%").time("任务完成时间", "12月底前")
                .social("出生人口素质", "有所提高").satisfied("服务对象满意度", "≥90%"));
        ps.add(p(U5, "特", "妇幼保健设备更新", 60, 90).at("2100716", "31003").fund("事业收入").buy("货物")
                .qty("更新医疗设备台数", "≥10台").quality("设备验收合格率", "100%").time("采购完成时间", "9月底前")
                .lasting("设备使用年限", "≥8年").satisfied("医务人员满意度", "≥90%"));
        ps.add(p(U5, "运", "妇幼中心聘用人员经费", 60, 85).at("2100716", "30226").fund("事业收入")
                .qty("聘用人员人数", "22人").quality("工资发放合规率", "100%").time("工资发放时间", "每月月底前")
                .social("妇幼健康服务辅助工作保障", "运转有序").satisfied("服务对象满意度", "≥90%"));
        // 卫生健康服务中心
        ps.add(p(U6, "特", "全民健康信息平台运行维护", 45, 70).split("2100199", "30227", 70, "30213", 30).buy("服务")
                .qty("平台接入机构数", "≥360家").quality("平台正常运行率", "≥99%").time("故障响应时间", "2小时内")
                .social("医疗卫生数据互联互通水平", "持续提升").satisfied("使用单位满意度", "≥90%"));
        ps.add(p(U6, "特", "卫生健康档案数字化整理", 15, 25).at("2100103", "30227").buy("服务")
                .qty("数字化整理档案卷数", "≥8000卷").quality("档案数字化验收合格率", "100%").time("项目完成时间", "10月底前")
                .lasting("档案利用便捷程度", "明显提高").satisfied("档案利用单位满意度", "≥90%"));
        ps.add(p(U6, "运", "卫生健康服务中心聘用人员经费", 8, 14).at("2100103", "30226")
                .qty("聘用人员人数", "3人").quality("工资发放合规率", "100%").time("工资发放时间", "每月月底前")
                .social("服务保障工作", "运转有序").satisfied("服务对象满意度", "≥90%"));
        ps.add(p(U6, "运", "卫生健康后勤服务保障", 10, 16).at("2100103", "30299")
                .qty("保障办公场所面积", "≥3200平方米").quality("后勤服务事项办结率", "100%").time("维修响应时间", "24小时内")
                .social("机关和所属单位办公秩序", "运转有序").satisfied("干部职工满意度", "≥90%"));
        ps.add(p(U6, "特", "卫生健康统计调查", 10, 16).at("2100199", "30227")
                .qty("调查住户数", "≥1200户").quality("统计数据审核通过率", "100%").time("调查完成时间", "9月底前")
                .social("卫生健康决策数据支撑", "有效加强").satisfied("调查对象满意度", "≥90%"));
        // 急救指挥中心
        ps.add(p(U7, "特", "院前急救网络运行补助", 70, 100).at("2100499", "30227")
                .qty("急救站点数量", "9个").quality("急救呼叫受理率", "100%").time("城区平均急救反应时间", "≤12分钟")
                .social("院前急救服务能力", "有所提升").satisfied("患者及家属满意度", "≥90%"));
        ps.add(p(U7, "特", "急救指挥调度系统运行维护", 20, 32).split("2100499", "30213", 55, "30207", 45).buy("服务")
                .qty("维护调度席位数", "8个").quality("系统正常运行率", "≥99%").time("故障修复时间", "4小时内")
                .social("急救调度效率", "明显提高").satisfied("使用单位满意度", "≥90%"));
        ps.add(p(U7, "特", "急救车载设备购置", 45, 70).at("2100499", "31003").buy("货物")
                .qty("购置车载除颤监护仪台数", "≥8台").quality("设备验收合格率", "100%").time("采购完成时间", "7月底前")
                .lasting("设备使用年限", "≥6年").satisfied("急救人员满意度", "≥90%"));
        ps.add(p(U7, "运", "急救车辆运行维护", 25, 38).split("2100499", "30225", 60, "30213", 40)
                .qty("保障运行急救车辆数", "9辆").quality("急救车辆完好率", "≥95%").time("车辆维修完成时间", "3日内")
                .social("急救出车保障能力", "有效保障").satisfied("急救人员满意度", "≥90%"));
        ps.add(p(U7, "运", "急救中心聘用人员经费", 35, 50).at("2100499", "30226")
                .qty("聘用驾驶员和担架员人数", "14人").quality("工资发放合规率", "100%").time("工资发放时间", "每月月底前")
                .social("院前急救辅助工作保障", "运转有序").satisfied("服务对象满意度", "≥90%"));
        // 爱国卫生运动服务中心
        ps.add(p(U8, "特", "病媒生物防制", 30, 45).at("2100499", "30218").buy("货物")
                .qty("病媒生物防制覆盖面积", "≥12平方公里").quality("鼠蚊蝇蟑密度控制达标率", "≥90%")
                .time("集中消杀完成时间", "每年4月和9月").social("病媒生物性传染病发生风险", "有效降低")
                .satisfied("居民满意度", "≥90%"));
        ps.add(p(U8, "特", "国家卫生县城长效管理", 25, 40).at("2100499", "30299")
                .qty("督导检查次数", "≥12次").quality("问题整改完成率", "≥95%").time("年度任务完成时间", "12月底前")
                .social("城乡环境卫生面貌", "持续改善").satisfied("居民满意度", "≥90%"));
        ps.add(p(U8, "特", "健康教育与健康素养促进", 12, 20).at("2100499", "30202")
                .qty("开展健康教育活动次数", "≥40次").quality("健康素养监测完成率", "100%").time("活动完成时间", "11月底前")
                .social("居民健康素养水平", "≥30%").satisfied("居民满意度", "≥90%"));
        ps.add(p(U8, "特", "控烟宣传和无烟单位创建", 8, 14).at("2100499", "30227")
                .qty("创建无烟单位数", "≥30家").quality("无烟单位达标率", "≥90%").time("创建完成时间", "11月底前")
                .social("公共场所吸烟率", "有所下降").satisfied("居民满意度", "≥90%"));
        // 老龄健康服务中心
        ps.add(p(U9, "特", "老年人健康管理和医养结合服务", 30, 45).at("2100408", "30227").buy("服务")
                .qty("服务老年人人次", "≥1.5万人次").quality("医养结合机构服务规范率", "≥90%").time("任务完成时间", "12月底前")
                .social("老年人健康服务可及性", "有所提高").satisfied("老年人满意度", "≥90%"));
        ps.add(p(U9, "特", "老年友善医疗机构创建", 10, 18).at("2100199", "30227")
                .qty("创建老年友善医疗机构数", "≥8家").quality("创建达标率", "100%").time("创建完成时间", "11月底前")
                .social("老年人就医便利程度", "明显提高").satisfied("老年患者满意度", "≥90%"));
        ps.add(p(U9, "运", "老龄健康服务中心工作经费", 5, 9).at("2100199", "30299")
                .qty("开展老龄健康宣传活动次数", "≥10次").quality("活动计划完成率", "100%").time("活动完成时间", "年底前")
                .social("老年健康知识普及程度", "有所提高").satisfied("老年人满意度", "≥90%"));
        return ps;
    }

    private static Project p(Unit u, String type, String name, long lo, long hi) {
        return new Project(u, type.equals("特") ? "特定目标类" : "其他运转类", name, lo, hi);
    }

    // ---- generation ---------------------------------------------------------------------------------------------------

    private static final class Gen {
        private final Random rnd = new Random(SEED);
        private final StringBuilder y = new StringBuilder();
        private final List<Detail> basic = new ArrayList<>();
        /** 基本支出 lines in file order: unit, function, fund → econ → cents. */
        private final Map<String, Map<String, Long>> lines = new LinkedHashMap<>();
        private final List<Project> projects;

        Gen(int copies) {
            List<Project> base = projects();
            projects = new ArrayList<>();
            for (Unit u : UNITS) {
                for (int n = 1; n <= copies; n++) {
                    for (Project p : base) {
                        if (p.unit == u) projects.add(n == 1 ? p : p.copy("（第" + n + "批）"));
                    }
                }
            }
        }

        String run() {
            for (Unit u : UNITS) basicOf(u);
            int seq = 0;
            String lastUnit = "";
            for (Project p : projects) {
                seq = p.unit.code().equals(lastUnit) ? seq + 1 : 1;
                lastUnit = p.unit.code();
                p.code = "4199272500000" + p.unit.code().substring(4) + "1" + String.format("%05d", seq * 7 + 10);
                p.cents = draw(p.lo * 100, p.hi * 100);
                long left = p.cents;
                for (int i = 0; i < p.econs.size(); i++) {
                    Object[] e = p.econs.get(i);
                    long part = i == p.econs.size() - 1 ? left : p.cents * (Integer) e[1] / 100;
                    left -= part;
                    p.details.add(new Detail(p.unit.code(), p.func, (String) e[0], part, p.fund, true));
                }
            }
            write();
            return y.toString();
        }

        /** A uniform amount in cents between lo and hi cents. */
        private long draw(long lo, long hi) {
            return lo + (long) (rnd.nextDouble() * (hi - lo));
        }

        /** n people × an amount per person between lo and hi 万元. */
        private long per(int n, double lo, double hi) {
            return Math.round(n * (lo + rnd.nextDouble() * (hi - lo)) * 100);
        }

        private void put(Unit u, String func, String fund, String econ, long cents) {
            if (cents <= 0) return;
            String key = u.code() + "|" + func + "|" + (fund == null ? "" : fund);
            lines.computeIfAbsent(key, k -> new LinkedHashMap<>()).merge(econ, cents, Long::sum);
            basic.add(new Detail(u.code(), func, econ, cents, fund, false));
        }

        /** The 基本支出 of one unit: pay, contributions, running costs, retirees. */
        private void basicOf(Unit u) {
            int n = u.staff();
            boolean admin = u.admin();
            long b1 = per(n, 2.7, 3.3);
            long b2 = admin ? per(n, 2.2, 2.8) : per(n, 0.5, 0.9);
            long b3 = admin ? per(n, 0.22, 0.30) : 0;
            long b7 = admin ? 0 : per(n, 3.0, 3.8);
            long pay = b1 + b2 + b3 + b7;
            String run = u.run();
            put(u, run, null, "30101", b1);
            put(u, run, null, "30102", b2);
            put(u, run, null, "30103", b3);
            put(u, run, null, "30107", b7);
            put(u, run, null, "30112", per(n, 0.03, 0.06));
            if (!admin && n >= 20) put(u, run, null, "30199", per(n, 0.05, 0.10));
            put(u, run, null, "30201", per(n, 0.25, 0.40));
            if (n >= 15) put(u, run, null, "30202", draw(50, 200));
            if (u == U1) put(u, run, null, "30203", draw(200, 400));
            if (n >= 40 || u == U1) put(u, run, null, "30204", draw(10, 30));
            if (n >= 20) put(u, run, null, "30205", draw(40, 120));
            if (n >= 10) put(u, run, null, "30206", draw(100, 400));
            put(u, run, null, "30207", per(n, 0.05, 0.10));
            if (n >= 10) put(u, run, null, "30208", per(n, 0.06, 0.10));
            if (u == U1) put(u, run, null, "30209", draw(600, 1000));
            put(u, run, null, "30211", per(n, 0.15, 0.30));
            if (n >= 15) put(u, run, null, "30213", draw(100, 300));
            if (u == U3 || u == U8) put(u, run, null, "30214", draw(150, 400));
            if (u == U1) put(u, run, null, "30215", draw(100, 200));
            if (n >= 10) put(u, run, null, "30216", draw(50, 150));
            put(u, run, null, "30217", u.reception());
            put(u, run, null, "30228", Math.round(pay * 0.02));
            put(u, run, null, "30229", per(n, 0.08, 0.12));
            if (u.cars() > 0) put(u, run, null, "30231", per(u.cars(), 1.6, 2.2));
            if (admin) put(u, run, null, "30239", per(n, 0.65, 0.85));
            put(u, run, null, "30299", draw(30, 150));
            if (n >= 20) put(u, run, null, "31002", draw(200, 600));
            // 妇幼中心: part of the pay and of the running costs from its own 事业收入
            if (u == U5) {
                put(u, run, "事业收入", "30107", per(n, 1.5, 2.0));
                put(u, run, "事业收入", "30206", draw(500, 800));
                put(u, run, "事业收入", "30218", draw(3000, 5000));
                put(u, run, "事业收入", "30226", draw(2000, 3000));
            }
            put(u, "2080505", null, "30108", Math.round(pay * 0.16));
            put(u, "2080506", null, "30109", Math.round(pay * 0.08));
            put(u, admin ? "2101101" : "2101102", null, "30110", Math.round(pay * 0.07));
            if (admin) put(u, "2101103", null, "30111", Math.round(pay * 0.04));
            put(u, "2210201", null, "30113", Math.round(pay * 0.12));
            if (u == U1 || u == U2) put(u, "2210202", null, "30102", per(n, 0.10, 0.15));
            if (u == U1 || u == U2 || u == U4 || u == U5) put(u, "2210203", null, "30102", per(n, 0.20, 0.30));
            String retire = admin ? "2080501" : "2080502";
            if (u == U1) put(u, retire, null, "30301", per(6, 7.5, 9.0));
            put(u, retire, null, "30302", per(u.retirees(), 0.8, 1.2));
            if (u.retirees() >= 10) put(u, retire, null, "30305", draw(100, 300));
            if (u == U1 || u == U4) put(u, "2080801", null, "30304", draw(500, 1200));
            if (u == U7) put(u, "2080802", null, "30304", draw(200, 400));
            if (u == U1 || u == U4) put(u, "2080599", null, "30399", draw(100, 300));
        }

        // ---- sums ----------------------------------------------------------------------------------------------------

        private List<Detail> all() {
            List<Detail> a = new ArrayList<>(basic);
            for (Project p : projects) a.addAll(p.details);
            return a;
        }

        private long sum(Predicate<Detail> f) {
            return all().stream().filter(f).mapToLong(Detail::cents).sum();
        }

        private static boolean general(Detail d) {
            return d.fund() == null || d.fund().equals("一般公共预算其他");
        }

        // ---- writing -------------------------------------------------------------------------------------------------

        private void write() {
            long total = sum(d -> true);
            long basicTotal = sum(d -> !d.project());
            long projectTotal = total - basicTotal;
            long generalTotal = sum(Gen::general);
            long transfers = sum(d -> d.project() && "一般公共预算其他".equals(d.fund()));
            long carRunning = sum(d -> general(d) && d.econ().equals("30231"));
            long reception = sum(d -> general(d) && d.econ().equals("30217"));
            long running = sum(d -> general(d) && !d.project() && admin(d.unit()) && publicUse(d.econ()));

            header();
            department();
            unitsPart();
            basicPart();
            projectsPart();

            // 三公经费 and 机关运行经费 (amount by definition: the 行政/参公 units' 公用经费)
            y.append("\n# 一般公共预算财政拨款安排的“三公”经费预算：等于基本支出中 30212、30231、30217 等经济分类款的合计。\n");
            y.append("三公经费:\n  因公出国: 0\n  公务用车购置: 0\n  公务用车运行: ").append(money(carRunning))
                    .append("\n  公务接待: ").append(money(reception)).append('\n');
            y.append("\n机关运行经费:                  # 不写金额：按定义取行政、参公单位基本支出中的公用经费\n");
            block("  用途", "主要保障机关和参照公务员法管理事业单位机构正常运转及正常履职需要，主要包括办公费、印刷费、水费、电费、邮电费、"
                    + "物业管理费、差旅费、维修（护）费、会议费、培训费、公务接待费、工会经费、福利费、公务用车运行维护费、其他交通费用"
                    + "以及办公设备购置等支出");

            long goods = projects.stream().filter(p -> "货物".equals(p.purchase)).mapToLong(p -> p.cents).sum()
                    + sum(d -> !d.project() && d.econ().equals("31002"));
            long services = projects.stream().filter(p -> "服务".equals(p.purchase)).mapToLong(p -> p.cents).sum();
            y.append("\n# 政府采购预算：货物为设备、试剂和耗材购置，服务为委托第三方提供的公共卫生和信息系统运维服务。\n");
            y.append("政府采购:\n  货物: ").append(money(goods)).append("\n  工程: 0\n  服务: ").append(money(services)).append('\n');

            assets();
            performance(projectTotal);

            // 上年 and the parts of each change, all from the same details
            long payRise = Math.round(basicTotal * 0.034);
            long transferRise = Math.round(transfers * 0.052);
            long oneOff = 61_250 + draw(0, 5_000);
            long change = payRise + transferRise - oneOff;
            long priorTotal = total - change;
            long priorGeneral = generalTotal - change;
            long carCut = draw(80, 160);
            long receptionCut = draw(20, 60);
            long runningCut = draw(150, 350);
            y.append("\n# 上年（2024年）预算数，用于同上年比较。\n上年:\n");
            y.append("  收支总计: ").append(money(priorTotal)).append('\n');
            y.append("  一般公共预算: ").append(money(priorGeneral)).append('\n');
            y.append("  政府性基金: 0\n  国有资本经营: 0\n");
            y.append("  三公经费:\n    因公出国: 0\n    公务用车购置: 0\n    公务用车运行: ").append(money(carRunning + carCut))
                    .append("\n    公务接待: ").append(money(reception + receptionCut)).append('\n');
            y.append("  机关运行经费: ").append(money(running - runningCut)).append('\n');

            String why = "（一）调整机关事业单位基本工资标准、增加新招录和新聘用人员，工资福利和社会保障缴费支出增加" + money(payRise)
                    + "万元；（二）中央、省提前下达的基本公共卫生服务、计划生育等转移支付资金增加" + money(transferRise)
                    + "万元；（三）上年安排的疫情防控物资储备、乡镇卫生院改造等一次性项目本年不再安排，减少" + money(oneOff) + "万元。";
            y.append("\n# 增减变化的原因（文字接在“主要原因是：”之后）；构成各项之和等于本年数减上年数。\n变动原因:\n");
            for (String k : List.of("收支总计", "一般公共预算")) {
                y.append("  ").append(k).append(":\n");
                block("    说明", why);
                y.append("    构成:\n");
                y.append("      - {说明: 工资标准调整和人员增加, 金额: ").append(money(payRise)).append("}\n");
                y.append("      - {说明: 提前下达的转移支付资金增加, 金额: ").append(money(transferRise)).append("}\n");
                y.append("      - {说明: 一次性项目不再安排, 金额: -").append(money(oneOff)).append("}\n");
            }
            y.append("  公务用车运行: 部分公务用车达到报废年限后按规定处置，车辆运行维护费相应减少\n");
            y.append("  公务接待: 严格执行中央八项规定精神，压减公务接待费\n");
            y.append("  机关运行经费: 综合监督所新增执法人员，办公费、差旅费等日常公用经费相应增加\n");

            y.append("\n# 财政部门批复的控制数：与明细加总不符时报错。\n批复:\n  日期: \"2025-02-14\"\n");
            y.append("  支出总计: ").append(money(total)).append('\n');
            y.append("  收入总计: ").append(money(total)).append('\n');
            y.append("  基本支出: ").append(money(basicTotal)).append('\n');
            y.append("  项目支出: ").append(money(projectTotal)).append('\n');
            y.append("  三公经费合计: ").append(money(carRunning + reception)).append('\n');
            y.append("  单位:\n");
            for (Unit u : UNITS) {
                y.append("    \"").append(u.code()).append("\": ").append(money(sum(d -> d.unit().equals(u.code())))).append('\n');
            }
        }

        private static boolean admin(String unit) {
            return UNITS.stream().anyMatch(u -> u.code().equals(unit) && u.admin());
        }

        private static boolean publicUse(String econ) {
            return econ.startsWith("302") || econ.startsWith("307") || econ.startsWith("309") || econ.startsWith("310")
                    || econ.startsWith("399");
        }

        private void header() {
            y.append("""
                    # 性能基准用的生成数据：青岚县卫生健康委员会 2025 年部门预算（约 40 页、650 行表格）。
                    #
                    # 这是程序生成的文件，不是真实部门的数据：青岚县和其中的单位、项目、人员、金额都是虚构的，只是按照县级卫生健康
                    # 部门的常见构成编写，供性能基准（README“性能基准”）和测试使用。请不要手工修改，也不要放进 data/ 目录。
                    # 重新生成（生成程序 src/test/java/org/budgetpdf/bench/LargeDepartment.java，固定随机数种子，每次结果逐字相同）：
                    #   mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.budgetpdf.bench.LargeDepartment
                    # 测试 LargeDepartmentTest 核对本文件与生成程序的输出一致，并检查它能通过检查、生成的 PDF 页数在 38–44 页之间。
                    #
                    # 本文件只填明细：基本支出按“单位 × 功能分类项 × 经济分类款”，项目支出按项目。合计、收入、占比、增减变化等
                    # 由程序计算；上年数、变动原因的构成、“三公”经费、批复控制数由生成程序从同一份明细算出，所以彼此一致。

                    文档: 部门预算
                    年度: 2025
                    金额单位: 万元
                    公开日期: "2025-03-05"

                    """);
        }

        private void department() {
            y.append("部门:\n  名称: ").append(DEPT).append("\n  代码: \"326\"\n  级次: 县级\n");
            block("  职责概述", DEPT + "贯彻落实党中央关于卫生健康工作的方针政策和决策部署，落实省委、市委、县委工作要求，在履行职责过程中"
                    + "坚持和加强党对卫生健康工作的集中统一领导。" + DEPT + "的主要职责是：");
            y.append("  职责:\n");
            for (String d : List.of(
                    "贯彻执行国民健康政策和卫生健康方面的法律法规，拟订全县卫生健康事业发展规划和政策措施，统筹规划全县卫生健康资源配置，指导乡镇卫生健康工作。",
                    "协调推进深化医药卫生体制改革，研究提出深化改革的政策建议，组织推进县域医共体建设和公立医院综合改革，推动卫生健康公共服务提供主体多元化、提供方式多样化。",
                    "制定并组织落实全县疾病预防控制规划、免疫规划以及严重危害人民健康公共卫生问题的干预措施，负责卫生应急工作，组织指导突发公共卫生事件的预防控制和各类突发公共事件的医疗卫生救援。",
                    "组织拟订并协调落实应对人口老龄化的政策措施，负责推进老年健康服务体系建设和医养结合工作。",
                    "贯彻落实国家药物政策和国家基本药物制度，开展药品使用监测、临床综合评价和短缺药品预警。",
                    "负责职责范围内的职业卫生、放射卫生、环境卫生、学校卫生、公共场所卫生、饮用水卫生等公共卫生的监督管理，负责传染病防治监督，健全卫生健康综合监督体系。",
                    "贯彻执行医疗机构和医疗服务行业管理办法并监督实施，建立医疗服务评价和监督管理体系，组织实施医疗服务规范、标准和卫生专业技术人员执业规则、服务规范。",
                    "负责计划生育管理和服务工作，开展人口监测预警，研究提出人口与家庭发展相关政策建议，落实计划生育家庭奖励扶助和特别扶助制度。",
                    "指导全县基层医疗卫生、妇幼健康服务体系和全科医生队伍建设，推进卫生健康科技创新发展和人才队伍建设。",
                    "负责全县中医药工作，组织实施中医药发展规划，推进中医药传承创新发展。",
                    "负责全县重大活动的医疗卫生保障工作，组织开展爱国卫生运动和健康县城建设。",
                    "完成县委、县政府交办的其他任务。")) {
                block("    -", d);
            }
            y.append("  机构设置:\n");
            for (String o : List.of(
                    DEPT + "内设办公室、规划发展与信息化股、财务股、疾病预防控制与卫生应急股、医政医管与中医股、基层卫生健康股、"
                            + "妇幼健康与人口家庭股、老龄健康股、职业健康股、法规与综合监督股、人事股，共11个股室。",
                    "青岚县卫生健康综合监督所、青岚县计划生育协会为参照公务员法管理的单位，分别承担全县卫生健康综合监督执法工作和"
                            + "计划生育群众工作。",
                    "青岚县疾病预防控制中心、青岚县妇幼保健计划生育服务中心、青岚县卫生健康服务中心、青岚县急救指挥中心、"
                            + "青岚县爱国卫生运动服务中心、青岚县老龄健康服务中心为公益一类事业单位，分别承担疾病预防控制、妇幼健康服务、"
                            + "卫生健康信息和后勤服务、院前急救指挥调度、爱国卫生和老龄健康服务等工作。")) {
                block("    -", o);
            }
        }

        private void unitsPart() {
            y.append("\n# 预算单位：第一个是本级，其余是所属单位。\n单位:\n");
            for (Unit u : UNITS) {
                // 规格, 经费形式 and staff counts are not printed by henan-2025 (W-UNUSED): the file leaves them out
                y.append("  - {代码: \"").append(u.code()).append("\", 名称: ").append(u.name()).append(", 类型: ").append(u.type())
                        .append("}\n");
            }
        }

        private void basicPart() {
            y.append("\n# 基本支出：每个单位、每个功能分类项（和资金来源）一段，下面按部门经济分类款列金额（万元）。\n基本支出:\n");
            String last = "";
            for (Map.Entry<String, Map<String, Long>> e : lines.entrySet()) {
                String[] k = e.getKey().split("\\|", -1);
                if (!k[0].equals(last) && !last.isEmpty()) y.append('\n');
                last = k[0];
                y.append("  - 单位: \"").append(k[0]).append("\"\n    功能科目: ").append(k[1]).append('\n');
                if (!k[2].isEmpty()) y.append("    资金: ").append(k[2]).append('\n');
                y.append("    经济科目:\n");
                for (Map.Entry<String, Long> a : e.getValue().entrySet()) {
                    y.append("      ").append(a.getKey()).append(": ").append(money(a.getValue())).append('\n');
                }
            }
        }

        private void projectsPart() {
            y.append("\n# 项目支出：一个项目一段；涉及多个经济科目的写“明细”。\n项目:\n");
            for (Project p : projects) {
                y.append("  - 名称: ").append(p.name).append('\n');
                y.append("    编码: \"").append(p.code).append("\"\n");
                y.append("    单位: \"").append(p.unit.code()).append("\"\n");
                y.append("    类型: ").append(p.type).append('\n');
                if (p.details.size() == 1) {
                    Detail d = p.details.get(0);
                    y.append("    功能科目: ").append(d.func()).append("\n    经济科目: ").append(d.econ()).append('\n');
                    y.append("    金额: ").append(money(d.cents())).append('\n');
                    if (p.fund != null) y.append("    资金: ").append(p.fund).append('\n');
                } else {
                    y.append("    明细:\n");
                    for (Detail d : p.details) {
                        y.append("      - {功能科目: ").append(d.func()).append(", 经济科目: ").append(d.econ()).append(", 金额: ")
                                .append(money(d.cents())).append(p.fund == null ? "" : ", 资金: " + p.fund).append("}\n");
                    }
                }
                if (p.transfer != null) y.append("    专项转移支付: ").append(p.transfer).append('\n');
                y.append("    绩效指标:\n");
                String cost = "≤" + plain(p.cents) + "万元";
                List<Indicator> all = new ArrayList<>();
                all.add(new Indicator("成本指标", "经济成本指标", "项目总成本", cost));
                all.addAll(p.indicators);
                String l1 = "";
                String l2 = "";
                for (Indicator i : all) {
                    if (!i.level1().equals(l1)) {
                        y.append("      ").append(i.level1()).append(":\n");
                        l1 = i.level1();
                        l2 = "";
                    }
                    if (!i.level2().equals(l2)) {
                        y.append("        ").append(i.level2()).append(":\n");
                        l2 = i.level2();
                    }
                    y.append("          - {名称: ").append(text(i.name())).append(", 值: ").append(text(i.value())).append("}\n");
                }
            }
        }

        private void assets() {
            y.append("""

                    # 国有资产占用情况：上年末数。
                    国有资产:
                      资产总额: 4865.42
                      固定资产: 3610.36
                      无形资产: 58.20
                      上年资产总额: 4702.15
                      变动原因: 疾病预防控制中心新购置检验检测设备，卫生健康信息平台软件投入使用
                      车辆:
                        一般公务用车: 3
                        一般执法执勤用车: 2
                        特种专业技术用车: 6
                        其他用车: 0
                      单价50万元以上通用设备: 0
                      单价100万元以上专用设备: 2
                    """);
        }

        private void performance(long projectTotal) {
            y.append("\n绩效:\n");
            block("  说明", "我委2025年预算项目均按要求编制了绩效目标，从项目成本、产出、效益、满意度等方面设置了绩效指标，"
                    + "综合反映项目预期完成的数量、质量、时效，预期达到的社会效益、可持续影响以及服务对象满意度等情况。"
                    + "基本公共卫生服务、重大传染病防控、计划生育扶助等重点项目实行绩效运行监控，监控结果作为调整预算的依据。");
            y.append("  上年评价项目数: 52\n  上年评价金额: 5236.80\n");
            block("  上年评价结论", "绩效评价结果显示，项目总体完成了年初设定的绩效目标，资金使用规范，基本公共卫生服务和计划生育扶助等"
                    + "惠民政策落实到位；评价发现的个别项目资金拨付进度偏慢等问题已督促整改。");
            y.append("  拟评价项目数: ").append(projects.size()).append('\n');
            y.append("  拟评价金额: ").append(money(projectTotal)).append('\n');
            y.append("  年度履职目标:\n");
            for (String g : List.of(
                    "落实基本公共卫生服务和重大公共卫生服务项目，做好传染病、慢性病和地方病防控，提高城乡居民健康水平。",
                    "落实计划生育家庭奖励扶助和特别扶助政策，做好妇幼健康服务，保障母婴安全。",
                    "推进县域医共体建设和基层医疗卫生服务能力提升，加强医疗卫生人才队伍和信息化建设。",
                    "加强卫生健康综合监督执法，保障公共卫生安全和医疗服务质量。",
                    "推进老年健康服务、医养结合和爱国卫生运动，巩固国家卫生县城创建成果。")) {
                block("    -", g);
            }
            y.append("  年度主要任务:\n");
            String[][] tasks = {
                    {"基本公共卫生服务", "为辖区常住人口提供居民健康档案、健康教育、预防接种、慢性病患者健康管理等国家基本公共卫生服务。"},
                    {"重大传染病防控", "做好免疫规划、艾滋病和结核病防治、传染病监测和疫情处置，防止重大疫情发生。"},
                    {"计划生育扶助", "按时足额发放农村部分计划生育家庭奖励扶助和计划生育家庭特别扶助资金。"},
                    {"妇幼健康服务", "开展孕产妇和儿童健康管理、新生儿疾病筛查、农村妇女“两癌”筛查和出生缺陷综合防治。"},
                    {"基层卫生服务能力提升", "落实村卫生室基本药物制度补助和乡村医生补助，开展家庭医生签约服务和基层卫生人才培训。"},
                    {"卫生健康信息化", "建设和运行维护全民健康信息平台，推进医疗卫生机构数据互联互通。"},
                    {"综合监督执法", "开展公共场所、生活饮用水、职业卫生和医疗服务监督检查，依法查处违法行为。"},
                    {"院前急救和卫生应急", "保障院前急救网络和指挥调度系统运行，做好突发公共卫生事件应急处置。"},
                    {"爱国卫生和老龄健康", "开展病媒生物防制和健康教育，推进老年友善医疗机构创建和医养结合服务。"}};
            for (String[] t : tasks) {
                y.append("    - {名称: ").append(t[0]).append(", 内容: ").append(text(t[1])).append("}\n");
            }
            y.append("  整体指标:\n");
            group("投入管理指标", "工作目标管理", new String[][] {{"年度履职目标相关性", "相关"}, {"工作任务科学性", "科学"},
                    {"绩效指标合理性", "合理"}});
            group("投入管理指标", "预算和财务管理", new String[][] {{"预算编制完整性", "完整"}, {"专项资金细化率", "≥95%"},
                    {"预算执行率", "≥95%"}, {"预算调整率", "≤10%"}, {"结转结余率", "≤5%"}, {"“三公经费”控制率", "≤100%"},
                    {"政府采购执行率", "100%"}, {"决算真实性", "真实"}, {"资金使用合规性", "合规"}, {"管理制度健全性", "健全"},
                    {"预决算信息公开性", "公开"}, {"资产管理规范性", "规范"}});
            group("投入管理指标", "绩效管理", new String[][] {{"绩效目标编制完成率", "100%"}, {"绩效监控完成率", "100%"},
                    {"绩效自评完成率", "100%"}, {"部门绩效评价完成率", "100%"}, {"评价结果应用率", "100%"}});
            String[][] done = new String[tasks.length][];
            for (int i = 0; i < tasks.length; i++) done[i] = new String[] {tasks[i][0] + "任务完成率", "100%"};
            group("产出指标", "重点工作任务完成", done);
            group("产出指标", "履职目标实现", new String[][] {{"居民电子健康档案建档率", "≥90%"}, {"适龄儿童免疫规划疫苗接种率", "≥90%"},
                    {"孕产妇系统管理率", "≥90%"}, {"计划生育扶助资金足额发放率", "100%"}, {"卫生监督覆盖率", "≥95%"}});
            group("效益指标", "履职效益", new String[][] {{"居民健康素养水平", "≥30%"}, {"甲乙类传染病报告发病率", "低于全省平均水平"},
                    {"孕产妇死亡率", "≤10/10万"}, {"群众看病就医便利程度", "明显提高"}});
            group("满意度", "满意度", new String[][] {{"城乡居民满意度", "≥90%"}, {"服务对象满意度", "≥90%"}});
        }

        private void group(String l1, String l2, String[][] items) {
            y.append("    - 一级: ").append(l1).append("\n      二级: ").append(l2).append("\n      指标:\n");
            for (String[] i : items) y.append("        - {名称: ").append(text(i[0])).append(", 值: ").append(text(i[1])).append("}\n");
        }

        /** {@code key: text}, folded at punctuation when long ({@code >-}: the reader drops the spaces between Chinese). */
        private void block(String key, String t) {
            text(t);
            String indent = " ".repeat(key.length() - key.stripLeading().length() + 2);
            if (key.length() + 2 + t.length() * 2 <= 120) {
                y.append(key).append(key.endsWith("-") ? " " : ": ").append(t).append('\n');
                return;
            }
            y.append(key).append(key.endsWith("-") ? " >-\n" : ": >-\n");
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                line.append(c);
                if (line.length() >= 48 && "，。；、：".indexOf(c) >= 0 && i < t.length() - 1) {
                    y.append(indent).append(line).append('\n');
                    line.setLength(0);
                }
            }
            if (!line.isEmpty()) y.append(indent).append(line).append('\n');
        }

        /** Text goes into YAML unquoted: refuse the characters that would change its meaning. */
        private static String text(String t) {
            if (t.matches(".*[,:#\\[\\]{}].*") || t.matches("[-?'\"|>&*!%@`].*")) {
                throw new IllegalArgumentException("text needs quoting: " + t);
            }
            return t;
        }
    }

    /** Cents as 万元 with two decimals: 123456 → "1234.56". */
    static String money(long cents) {
        return String.format("%d.%02d", cents / 100, cents % 100);
    }

    /** Cents as 万元 without trailing zeros: 98000 → "980", 2460 → "24.6". */
    static String plain(long cents) {
        return new java.math.BigDecimal(cents).movePointLeft(2).stripTrailingZeros().toPlainString();
    }
}
