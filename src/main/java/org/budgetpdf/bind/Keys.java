package org.budgetpdf.bind;

import org.budgetpdf.bind.Section.Key;
import org.budgetpdf.catalog.UnitType;
import org.budgetpdf.model.DocKind;
import org.budgetpdf.model.Fund;
import org.budgetpdf.model.GovLevel;

import java.util.ArrayList;
import java.util.List;

import static org.budgetpdf.bind.Section.optional;
import static org.budgetpdf.bind.Section.optionals;
import static org.budgetpdf.bind.Section.required;
import static org.budgetpdf.bind.Section.sometimes;
import static org.budgetpdf.bind.Shape.AMOUNT;
import static org.budgetpdf.bind.Shape.COUNT;
import static org.budgetpdf.bind.Shape.DATE;
import static org.budgetpdf.bind.Shape.NUMBER;
import static org.budgetpdf.bind.Shape.SIGNED_AMOUNT;
import static org.budgetpdf.bind.Shape.TEXT;
import static org.budgetpdf.bind.Shape.TEXTS;
import static org.budgetpdf.bind.Shape.YEAR;
import static org.budgetpdf.bind.Shape.code;
import static org.budgetpdf.bind.Shape.either;
import static org.budgetpdf.bind.Shape.fields;
import static org.budgetpdf.bind.Shape.listOf;

/**
 * The data file's keys, section by section: the one list the binder reads through and the JSON Schema for editors is
 * generated from ({@code schema/budgetpdf.schema.json}). {@link Reader} lets the binder read no key a table lacks, nor
 * read one otherwise than its shape and need say; SchemaFileTest writes a file with every key of every table and
 * finds the binder reads them all: the checker and the schema know the same keys. The words
 * follow the blank files' comments. Sections are declared before the sections that hold them.
 */
final class Keys {
    private Keys() {
    }

    static final Shape FUNCTION_ITEM = code("功能分类项", 7);
    static final Shape FUNCTION_CLASS = code("功能分类类", 3);
    static final Shape ECON = code("部门经济分类", 3, 5);
    static final Shape ECON_ITEM = code("部门经济分类款", 5);
    static final Shape FUND = Shape.choice("资金来源", Fund.class);

    // ---- codes a file names itself, amounts ----------------------------------------------------------------------

    static final Section NAMED_FUNCTION = new Section("namedFunction", "写明名称的功能分类项",
            required("编码", FUNCTION_ITEM, "7 位功能分类项编码；它的类和款必须在科目表中", "2130110"),
            required("名称", TEXT, "科目名称，文档按这里写的印出；请与财政批复一致", "执法监管"));

    static final Section NAMED_ECON = new Section("namedEcon", "写明名称的经济分类科目",
            required("编码", ECON, "部门经济分类编码：3 位的类或 5 位的款", "30299"),
            required("名称", TEXT, "科目名称，文档按这里写的印出；请与财政批复一致", "其他商品和服务支出"));

    static final Section NAMED_AMOUNT = new Section("namedAmount", "金额和经济分类科目的名称",
            required("金额", AMOUNT, "这一科目的金额", "1.20"),
            optional("名称", TEXT, "科目表中没有的科目写明名称，文档按这里写的印出", "其他商品和服务支出"));

    static final Shape FUNCTION_REF = either(FUNCTION_ITEM, fields(NAMED_FUNCTION));
    static final Shape ECON_REF = either(ECON, fields(NAMED_ECON));
    static final Shape ECON_AMOUNTS = new Shape.Entries(ECON, "部门经济分类编码（3 位的类或 5 位的款）", "30101",
            either(AMOUNT, fields(NAMED_AMOUNT)));
    static final Shape ECON_ITEM_AMOUNTS = new Shape.Entries(ECON_ITEM, "5 位部门经济分类款编码", "30201", AMOUNT);

    // ---- 部门, 单位 -----------------------------------------------------------------------------------------------

    static final Section DEPARTMENT = new Section("department", "部门",
            required("名称", TEXT, "部门全称，与封面一致", "示例市示例区医疗保障局"),
            optional("代码", TEXT, "部门代码，带引号（以 0 开头的编码必须带引号）", "\"901\""),
            required("级次", Shape.choice("政府级次", GovLevel.class), "名词解释写作“区级财政当年拨付的资金”", "区级"),
            optional("职责概述", TEXT, "印在职责前的一段话", "示例市示例区医疗保障局的主要职责是："),
            required("职责", TEXTS, "主要职责，一项一行，以“- ”开头，自动编号（一）（二）…", null),
            optional("机构设置", TEXTS, "内设机构和所属单位，一项一段（公开规定要求）", null),
            optional("编制人数", COUNT, "版式印机构设置表时用（人）", "10"),
            optional("实有人数", COUNT, "版式印机构设置表时用（人）", "9"),
            optional("负责人", TEXT, "版式印联系人时用", "张三"),
            optional("联系人", TEXT, "版式印联系人时用", "李四"),
            optional("联系电话", TEXT, "版式印联系人时用", "0373-1234567"),
            optional("预算编码", TEXT, "财政系统中的部门编码，带引号", "\"901\""));

    static final Section UNIT = new Section("unit", "预算单位（第一个是本级，其余是所属单位）",
            required("代码", TEXT, "单位代码，带引号", "\"901001\""),
            required("名称", TEXT, "单位全称", "示例市示例区医疗保障局"),
            required("类型", new Shape.Choice("单位类型", unitTypes()), "行政、参公（参照公务员法管理的事业单位）或事业", "行政"),
            optional("规格", TEXT, "版式印机构设置表时用", "正科级"),
            optional("经费形式", TEXT, "版式印机构设置表时用", "财政拨款"),
            optional("编制人数", COUNT, "版式印机构设置表时用（人）", "10"),
            optional("实有人数", COUNT, "版式印机构设置表时用（人）", "9"));

    private static List<String> unitTypes() {
        List<String> out = new ArrayList<>();
        for (UnitType t : UnitType.values()) out.add(t.label());
        for (UnitType t : UnitType.values()) out.add(t.label() + "单位");
        return out;
    }

    // ---- 部门预算: 基本支出, 项目支出, 项目 ---------------------------------------------------------------------------

    static final Section BASIC = new Section("basicSpending", "基本支出：一个单位、一个功能分类项、一种资金一段",
            required("单位", TEXT, "“单位”中的代码", "\"901001\""),
            required("功能科目", FUNCTION_REF, "7 位功能分类项编码，名称自动取自科目表；科目表中没有的写成 {编码, 名称}", "2101501"),
            optional("功能科目名称", TEXT, "写了就按它印出功能分类项的名称；与科目表不同时提示 W-NAME，没有特殊原因不写", "行政运行"),
            optional("资金", FUND, "不写即“财政拨款”", "财政拨款"),
            required("经济科目", ECON_AMOUNTS, "一款一行：“部门经济分类款: 金额”；只知道类时写 3 位的类", null));

    static final Section PROJECT_TOTAL = BASIC.renamed("projectSpending", "项目支出合计：只知道项目支出合计时，按功能分类项写（写法同基本支出）")
            .with(optional("类型", TEXT, "项目类型，照财政批复写，由版式的词表归栏", "一般性项目"));

    static final Section INDICATOR = new Section("indicator", "绩效指标",
            required("名称", TEXT, "指标名称", "区级配套人数"),
            required("值", TEXT, "指标值", "≤1万人"),
            optional("描述", TEXT, "指标描述", "城乡居民参保人数"),
            optional("依据", TEXT, "指标值的依据", "行业标准"),
            optional("说明", TEXT, "说明", "按上年实际确定"));

    static final Shape INDICATORS = new Shape.Entries(TEXT, "一级指标（成本指标、产出指标、效益指标、满意度指标……）", "产出指标",
            either(listOf(INDICATOR), new Shape.Entries(TEXT, "二级指标（数量指标、质量指标……）", "数量指标", listOf(INDICATOR))));

    static final Section PROJECT_LINE = new Section("projectLine", "项目的一个科目",
            required("功能科目", FUNCTION_REF, "7 位功能分类项编码", "2101202"),
            required("经济科目", ECON_REF, "部门经济分类编码（5 位的款，或 3 位的类）", "31302"),
            optional("资金", FUND, "不写即“财政拨款”", "一般公共预算其他"),
            required("金额", AMOUNT, "这一科目的金额", "60.00"));

    /** A project of one line writes these itself; a project of several lines writes them in 明细, never both. */
    static final List<String> PROJECT_ONE_LINE = List.of("功能科目", "经济科目", "金额", "资金");

    static final Section PROJECT = new Section("project", "项目支出的一个项目",
            required("名称", TEXT, "项目名称", "城乡居民医保区级配套"),
            optional("编码", TEXT, "项目编码，带引号", "\"410703250000000099001\""),
            required("单位", TEXT, "“单位”中的代码", "\"901001\""),
            optional("列示单位", TEXT, "项目表“项目单位”列显示的名称", "本级"),
            required("类型", TEXT, "项目类型，照财政批复写：2025 年起 其他运转类、特定目标类；2021 年 人员类、运转类、特定目标类……（由版式的词表归栏）", "特定目标类"),
            sometimes("功能科目", FUNCTION_REF, "7 位功能分类项编码；项目写金额且不写“明细”时必填", "2101202"),
            sometimes("经济科目", ECON_REF, "5 位部门经济分类款编码（或 3 位的类）；项目写金额且不写“明细”时必填", "31302"),
            sometimes("金额", AMOUNT, "项目金额；只知道项目支出合计时不写（合计写在“项目支出”下）", "100.00"),
            optional("资金", FUND, "不写即“财政拨款”（提前下达的上级转移支付写“一般公共预算其他”）", "一般公共预算其他"),
            optional("明细", listOf(PROJECT_LINE), "项目涉及几个科目时，代替功能科目、经济科目、金额，一行一个科目", null),
            optional("专项转移支付", TEXT, "写了就列入“专项转移支付项目情况”", "城乡医疗救助项目"),
            optional("内容", TEXT, "项目内容（印“项目内容”的版式才印）", "按时足额拨付区级配套资金。"),
            optional("绩效目标", TEXTS, "项目绩效目标，一项一行", null),
            optional("绩效指标", INDICATORS, "项目绩效目标表的指标：一级指标下一行一个 {名称, 值}；也可以写 一级 → 二级 → 指标", null))
            .apart(PROJECT_ONE_LINE, List.of("明细"));

    // ---- 部门决算: 决算明细, 结转结余 ---------------------------------------------------------------------------------

    static final Section FINAL_LINE = new Section("finalLine", "决算明细：一个功能分类项一段",
            required("功能科目", FUNCTION_REF, "7 位功能分类项编码，名称自动取自科目表", "2101501"),
            optional("资金", new Shape.Choice("资金来源", List.of(Fund.APPROPRIATION.label(), Fund.GOV_FUND.label(),
                    Fund.STATE_CAPITAL.label())), "不写即“财政拨款”；政府性基金或国有资本经营的钱另写一段（公开08、09表）", "政府性基金"),
            optional("年初预算", AMOUNT, "一般公共预算财政拨款的年初预算", "10.50"),
            optional("本年收入", AMOUNT, "财政拨款收入（公开02表）", "10.50"),
            optional("基本支出", AMOUNT, "一般公共预算财政拨款基本支出（公开05表）", "10.50"),
            optional("项目支出", AMOUNT, "一般公共预算财政拨款项目支出（公开05表）", "0"),
            optional("其他资金基本支出", AMOUNT, "非财政拨款的基本支出（公开03表减公开05表）", "0"),
            optional("其他资金项目支出", AMOUNT, "非财政拨款的项目支出", "0"),
            optional("差异原因", TEXT, "决算与年初预算不同时必填：接在“存在差异的主要原因是”之后", "人员调整"));

    static final Section CARRY = new Section("carryOver", "财政拨款结转和结余（公开01、04表）",
            required("年初财政拨款", AMOUNT, "年初财政拨款结转和结余", "0"),
            optional("年初其他资金", AMOUNT, "年初非财政拨款的结转和结余", "0"),
            required("年末财政拨款", AMOUNT, "年末财政拨款结转和结余", "0"),
            optional("年末其他资金", AMOUNT, "年末非财政拨款的结转和结余", "0"));

    // ---- 三公经费, 变动原因 --------------------------------------------------------------------------------------------

    static final Section SANGONG = new Section("sanGong", "“三公”经费（万元，没有写 0）",
            required("因公出国", AMOUNT, "因公出国（境）费", "0"),
            required("公务用车购置", AMOUNT, "公务用车购置费", "0"),
            required("公务用车运行", AMOUNT, "公务用车运行维护费", "0"),
            required("公务接待", AMOUNT, "公务接待费", "0"));

    static final Section REASON_PART = new Section("reasonPart", "变动的一个构成",
            required("说明", TEXT, "这一部分的说明", "局本级"),
            required("金额", SIGNED_AMOUNT, "这一部分的增减额，带正负号（减少写负数）", "-70.82"));

    static final Section REASON = new Section("reason", "原因和构成",
            required("说明", TEXT, "原因，接在“主要原因是：”之后", "人员调整，工资福利支出增加"),
            optional("构成", listOf(REASON_PART), "各项增减（带正负号），之和必须等于这一项的变动", null));

    static final Shape REASON_TEXT = either(TEXT, fields(REASON));

    static final Section SANGONG_REASONS = new Section("sanGongReasons", "“三公”经费决算与预算的差异原因",
            optional("因公出国", REASON_TEXT, "因公出国（境）费决算与预算不同的原因", "压减出国计划"),
            optional("公务用车", REASON_TEXT, "公务用车购置及运行维护费决算与预算不同的原因", "厉行节约"),
            optional("公务接待", REASON_TEXT, "公务接待费决算与预算不同的原因", "严控接待标准"));

    static final Section SANGONG_FINAL = new Section("sanGongFinal", "“三公”经费预算数和决算数（公开07表）",
            required("预算", fields(SANGONG), "年初预算数", null),
            required("决算", fields(SANGONG), "决算数；与预算不同时在“差异原因”下写明", null),
            optional("外宾接待", AMOUNT, "公务接待费中的外宾接待费", "0"),
            optional("差异原因", fields(SANGONG_REASONS), "决算与预算不同的项写明原因", null),
            optional("因公出国团组", COUNT, "因公出国（境）团组数（个）", "0"),
            optional("因公出国人次", COUNT, "因公出国（境）人次", "0"),
            optional("购置车辆", COUNT, "当年购置公务用车（辆）", "0"),
            optional("公务用车保有量", COUNT, "年末公务用车保有量（辆），说明里印出", "0"),
            optional("外宾接待团组", COUNT, "外宾接待团组数（个）", "0"),
            optional("外宾接待人次", COUNT, "外宾接待人次", "0"),
            optional("国内接待团组", COUNT, "国内公务接待团组数（个）", "0"),
            optional("国内接待人次", COUNT, "国内公务接待人次", "0"));

    static final Section REASONS = new Section("reasons", "变动原因：每一句有增减的话都要写自己的原因，缺了就报错 E-REASON", List.of(
            optional("收支总计", REASON_TEXT, "收支总计的变动原因", "人员调整，工资福利支出增加"),
            optional("一般公共预算", REASON_TEXT, "一般公共预算支出的变动原因", "人员调整"),
            optional("财政拨款", REASON_TEXT, "财政拨款收支的变动原因", "人员调整"),
            optional("政府性基金", REASON_TEXT, "政府性基金的变动原因", "项目结束"),
            optional("国有资本经营", REASON_TEXT, "国有资本经营的变动原因", "项目结束"),
            optional("基本支出", REASON_TEXT, "基本支出的变动原因", "人员调整"),
            optional("项目支出", REASON_TEXT, "项目支出的变动原因", "配套资金增加"),
            optional("因公出国", REASON_TEXT, "因公出国（境）费的变动原因", "压减出国计划"),
            optional("公务用车购置", REASON_TEXT, "公务用车购置费的变动原因", "车辆到期更新"),
            optional("公务用车运行", REASON_TEXT, "公务用车运行维护费的变动原因", "厉行节约"),
            optional("公务接待", REASON_TEXT, "公务接待费的变动原因", "严控接待标准"),
            optional("机关运行经费", REASON_TEXT, "机关运行经费的变动原因", "办公费增加")));

    // ---- 机关运行经费, 政府采购, 国有资产 ------------------------------------------------------------------------------

    static final Section RUNNING = new Section("runningCost", "机关运行经费",
            optional("金额", AMOUNT, "不写时按定义计算（行政、参公单位基本支出中的公用经费）", "0.50"),
            optional("明细", ECON_ITEM_AMOUNTS, "版式印机构运行经费表时按经济分类款写明细，金额就是明细之和", null),
            optional("用途", TEXT, "机关运行经费的用途", "保障机关正常运转。"));

    static final Section PROCUREMENT = new Section("procurement", "政府采购（万元，没有写 0）",
            optional("货物", AMOUNT, "货物类", "0"),
            optional("工程", AMOUNT, "工程类", "0"),
            optional("服务", AMOUNT, "服务类", "0"),
            optional("中小企业", AMOUNT, "授予中小企业合同金额（决算）", "0"),
            optional("小微企业", AMOUNT, "其中授予小微企业（决算）", "0"));

    static final Section ASSETS = new Section("assets", "国有资产占用情况", concat(
            optionals(AMOUNT,
                    "资产总额", "资产总额（万元）", "12.00",
                    "流动资产", "流动资产（万元）", "0",
                    "固定资产", "固定资产（万元）", "12.00",
                    "房屋构筑物", "房屋构筑物（万元）", "0",
                    "车辆价值", "车辆（万元）", "0",
                    "大型设备", "大型设备（万元）", "0",
                    "其他固定资产", "其他固定资产（万元）", "0",
                    "对外投资", "对外投资（万元）", "0",
                    "在建工程", "在建工程（万元）", "0",
                    "无形资产", "无形资产（万元）", "0",
                    "其他资产", "其他资产（万元）", "0",
                    "上年资产总额", "上年资产总额（万元）；写了就说明比上年增减", "11.00"),
            List.of(optional("车辆", either(COUNT, new Shape.Entries(TEXT, "车辆类型（一般公务用车、一般执法执勤用车、特种专业技术用车、其他用车……）",
                    "一般公务用车", COUNT)), "车辆数（辆），按类型一行一个；只有总数时写成 车辆: 1", null)),
            optionals(COUNT,
                    "单价50万元以上通用设备", "台（套）", "0",
                    "单价100万元以上专用设备", "台（套）", "0",
                    "单价20万元以上设备", "台（套）", "0"),
            List.of(optional("截止日期", TEXT, "资产数的截止日期", "\"2024-12-31\""),
                    optional("其他用车说明", TEXT, "其他用车的说明（例如是什么车）", "无"),
                    optional("房屋面积", NUMBER, "房屋面积（平方米）", "1200"),
                    optional("办公用房面积", NUMBER, "办公用房面积（平方米）", "800"),
                    optional("变动原因", TEXT, "资产总额比上年增减的原因", "新购办公设备"))));

    // ---- 绩效 ------------------------------------------------------------------------------------------------------

    static final Section SUB_GOAL = new Section("subGoal", "分项目标",
            required("名称", TEXT, "分项名称", "医保基金监管"),
            optional("目标", TEXT, "分项目标", "确保基金安全"),
            optional("指标", TEXT, "分项指标", "检查覆盖率100%"));

    static final Section TASK = new Section("task", "年度主要任务",
            required("名称", TEXT, "任务名称", "城乡居民医保区级配套"),
            optional("内容", TEXT, "任务内容", "按时足额拨付区级配套资金。"));

    static final Section INDICATOR_GROUP = new Section("indicatorGroup", "部门整体绩效目标表的一组指标",
            required("一级", TEXT, "一级指标", "产出指标"),
            required("二级", TEXT, "二级指标", "重点工作任务完成"),
            required("指标", listOf(INDICATOR), "三级指标，一行一个 {名称, 值}", null));

    static final Section SELF_ROW = new Section("selfEvaluationRow", "绩效自评的一个指标",
            required("名称", TEXT, "指标名称", "区级配套完成率"),
            required("指标值", TEXT, "年度指标值", "100%"),
            optional("说明", TEXT, "说明", "按计划完成"),
            required("完成值", TEXT, "实际完成值", "100%"),
            required("分值", NUMBER, "分值", "10"),
            required("得分", NUMBER, "得分", "10"),
            optional("原因", TEXT, "偏差原因", "无偏差"));

    static final Section SELF_GROUP = new Section("selfEvaluationGroup", "部门整体绩效自评表的一组指标",
            required("一级", TEXT, "一级指标", "产出指标"),
            required("二级", TEXT, "二级指标", "重点工作任务完成"),
            required("指标", listOf(SELF_ROW), "三级指标：名称、指标值、完成值、分值、得分，可加 说明、原因", null));

    static final Section PERFORMANCE = new Section("performance", "绩效", concat(
            optionals(AMOUNT,
                    "上年评价金额", "上年开展绩效评价的项目金额（万元）", "1928.25",
                    "拟评价金额", "拟开展绩效评价的项目金额（万元）", "1611.01",
                    "自评金额", "开展绩效自评的项目金额（万元，决算）", "0",
                    "重点评价金额", "重点绩效评价的项目金额（万元，决算）", "0",
                    "全年预算数", "部门整体绩效自评表的全年预算数（万元，决算）", "10.50"),
            List.of(optional("说明", TEXT, "绩效目标设置情况", "项目均编制了绩效目标。"),
                    optional("上年评价项目数", COUNT, "上年开展绩效评价的项目数", "3"),
                    optional("上年评价结论", TEXT, "上年绩效评价的结论", "评价结果良好"),
                    optional("拟评价项目数", COUNT, "拟开展绩效评价的项目数", "2"),
                    optional("总体目标", TEXT, "部门整体绩效的总体目标（河北版式）", "全面完成年度工作任务"),
                    optional("分项目标", listOf(SUB_GOAL), "分项目标（河北版式）", null),
                    optional("保障措施", TEXTS, "保障措施，一项一段（河北版式）", null),
                    optional("年度履职目标", TEXTS, "部门整体绩效目标表（决算：自评表）的年度履职目标，一项一行", null),
                    optional("目标完成情况", TEXTS, "年度目标完成情况，一项一段（决算）", null),
                    optional("年度主要任务", listOf(TASK), "年度主要任务，一项一段", null),
                    optional("整体指标", listOf(INDICATOR_GROUP), "部门整体绩效指标：一级、二级指标下一行一个 {名称, 值}", null),
                    optional("项目数", COUNT, "部门项目总数（决算）", "0"),
                    optional("自评项目数", COUNT, "开展绩效自评的项目数（决算）", "0"),
                    optional("重点评价项目数", COUNT, "重点绩效评价的项目数（决算）", "0"),
                    optional("批复绩效目标项目数", COUNT, "批复了绩效目标的项目数（决算）", "0"),
                    optional("批复绩效目标说明", TEXT, "绩效目标批复情况的说明（决算）", "全部项目均批复了绩效目标"),
                    optional("整体自评得分", TEXT, "部门整体绩效自评得分（决算）", "95"),
                    optional("项目自评平均得分", TEXT, "项目绩效自评的平均得分（决算）", "92"),
                    optional("重点评价结果", TEXT, "重点绩效评价的结果（决算）", "评价等级为优"),
                    optional("预算执行分值", NUMBER, "自评表中预算执行率的分值（决算）", "10"),
                    optional("预算执行得分", NUMBER, "自评表中预算执行率的得分（决算）", "10"),
                    optional("自评指标", listOf(SELF_GROUP), "部门整体绩效自评表的指标：一级、二级下一行一个指标（决算）", null))));

    // ---- 上年, 批复, 附加, 说明, 待核对 ----------------------------------------------------------------------------------

    static final Section PRIOR = new Section("prior", "上年数（万元），用于“比上年增加（减少）……”", concat(
            optionals(AMOUNT,
                    "收支总计", "上年收支总计", "110.50",
                    "一般公共预算", "上年一般公共预算支出", "110.50",
                    "政府性基金", "上年政府性基金支出", "0",
                    "国有资本经营", "上年国有资本经营支出", "0",
                    "基本支出", "上年基本支出", "10.50",
                    "项目支出", "上年项目支出", "100.00",
                    "机关运行经费", "上年机关运行经费", "0.50",
                    "财政拨款收支总计", "上年财政拨款收支总计", "110.50",
                    "一般公共预算财政拨款支出", "上年一般公共预算财政拨款支出（决算）", "110.50"),
            List.of(optional("三公经费", fields(SANGONG), "上年的“三公”经费，没有写 0", null))));

    static final Section APPROVED = new Section("approved", "财政批复的控制数：明细加总不符时报错（各项都可省略）", concat(
            optionals(AMOUNT,
                    "支出总计", "批复的支出总计", "110.50",
                    "收入总计", "批复的收入总计", "110.50",
                    "基本支出", "批复的基本支出", "10.50",
                    "项目支出", "批复的项目支出", "100.00",
                    "财政拨款", "资金为财政拨款的合计（预算01表“其中：财政拨款”）", "110.50",
                    "三公经费合计", "批复的“三公”经费合计", "0",
                    "机关运行经费", "批复的机关运行经费", "0.50",
                    "年初预算", "年初预算合计（决算）", "10.50",
                    "本年收入", "本年收入合计（决算）", "10.50",
                    "本年支出", "本年支出合计（决算）", "10.50",
                    "财政拨款支出", "财政拨款支出合计（决算）", "10.50",
                    "绩效项目支出", "编制绩效目标的项目支出（决算）", "0"),
            List.of(optional("单位", new Shape.Entries(TEXT, "单位代码（带引号）", "\"901001\"", AMOUNT), "各单位的批复数：“单位代码: 金额”", null),
                    optional("类", new Shape.Entries(FUNCTION_CLASS, "3 位功能分类类编码", "210", AMOUNT), "各功能分类类的控制数：“类编码: 金额”", null),
                    optional("日期", DATE, "批复日期，带引号：公开日期晚于批复 20 天以上时提示 W-DATE", "\"2025-02-10\""))));

    static final Section EXTRA_AMOUNT = new Section("extraAmount", "附加的金额",
            required("金额", AMOUNT, "金额（万元）", "0"));

    static final Section EXPLAINED = new Section("explainedWarning", "说明过的警告", List.of(
            required("代码", TEXT, "警告代码", "W-RUNNING-COST"),
            sometimes("文字", TEXT, "警告所在那一行上的文字（与“数”写一个）", "2019年"),
            sometimes("数", TEXT, "警告所在那一行上的数（与“文字”写一个）", "8.45"),
            required("原因", TEXT, "核对的结果：为什么没有问题", "已与财政批复核对"))).exactlyOneOf("数", "文字");

    static final Section REVIEW = new Section("reviewItem", "待核对的一项",
            optional("位置", TEXT, "要核对的地方，例如 部门.职责[2]、项目[3].内容", "基本支出"),
            optional("事项", TEXT, "要核对什么", "基本支出仍是上年的数，请逐项改正")).openKeys();

    // ---- the file ------------------------------------------------------------------------------------------------

    static final Section FILE = new Section("file", "部门预算或部门决算数据文件", List.of(
            required("文档", Shape.choice("文档类型", DocKind.class), "文档类型", "部门预算"),
            required("年度", YEAR, "预算（决算）年度，四位数字；文中的“上年”就是前一年", "2025"),
            optional("科目年度", YEAR, "按哪一年的科目表核对编码；不写时按年度", "2025"),
            optional("版式", TEXT, "templates/ 下的版式名称；不写时按文档类型和年度取默认版式", "henan-2025"),
            optional("金额单位", new Shape.Choice("金额单位", List.of("万元", "元")),
                    "万元（默认）；按财政系统导出的元数填写时写 元（最多到分）", "万元"),
            required("公开日期", DATE, "公开日期，带引号；封面月份和 PDF 的创建日期都取它", "\"2025-03-01\""),
            required("部门", fields(DEPARTMENT), "部门的名称、级次、职责和机构设置", null),
            required("单位", listOf(UNIT), "预算单位，一个单位一段，以“- ”开头；第一个是本级，其余是所属单位", null),
            optional("基本支出", listOf(BASIC), "每个单位、每个功能分类项一段，以“- ”开头（万元）", null).only(DocKind.BUDGET),
            optional("项目支出", listOf(PROJECT_TOTAL), "只知道项目支出合计时：合计按功能分类项写在这里，项目只列名称、不写金额", null)
                    .only(DocKind.BUDGET),
            optional("项目", listOf(PROJECT), "项目支出，一个项目一段，以“- ”开头", null).only(DocKind.BUDGET),
            required("决算明细", listOf(FINAL_LINE), "每个功能分类项一段（公开02、03、05表和说明的年初预算对比）", null)
                    .only(DocKind.FINAL_ACCOUNTS),
            required("结转结余", fields(CARRY), "财政拨款结转和结余（公开01、04表）", null).only(DocKind.FINAL_ACCOUNTS),
            optional("基本支出经济分类", ECON_ITEM_AMOUNTS, "公开06表：一般公共预算财政拨款基本支出按部门经济分类款，一款一行", null)
                    .only(DocKind.FINAL_ACCOUNTS),
            optional("三公经费", new Shape.PerKind(fields(SANGONG), fields(SANGONG_FINAL)),
                    "一般公共预算财政拨款安排的“三公”经费（公开规定要求）", null),
            optional("机关运行经费", either(AMOUNT, fields(RUNNING)), "机关运行经费：一个金额，或 {金额, 用途, 明细}（公开规定要求）", null),
            optional("政府采购", fields(PROCUREMENT), "政府采购（公开规定要求）", null),
            optional("国有资产", fields(ASSETS), "国有资产占用情况（公开规定要求）", null),
            optional("绩效", fields(PERFORMANCE), "绩效目标设置情况（决算：绩效评价结果）", null),
            optional("上年", fields(PRIOR), "上年数（万元），用于“比上年增加（减少）……”；next-year 命令会自动填好", null),
            optional("变动原因", fields(REASONS), "接在“主要原因是：”之后的文字；可以只写文字，也可以列出构成", null),
            optional("附加", new Shape.Entries(TEXT, "项目名称，版式的模板用 r.extra(\"名称\") 印出", "本地说明",
                    either(TEXT, TEXTS, fields(EXTRA_AMOUNT))), "本地的内容：一段文字、几段文字（列表）或 {金额: …}", null),
            optional("批复", fields(APPROVED), "财政批复的控制数：明细加总不符时报错", null),
            optional("控制数", fields(APPROVED), "同“批复”", null),
            optional("其他事项", TEXT, "其他需要说明的事项", "我部门无其他需要说明的事项。"),
            optional("说明", listOf(EXPLAINED), "核对过、确实没有问题的警告：写明代码、那一行上的数或文字和原因，以后不再列出", null),
            optional("待核对", new Shape.ListOf(either(TEXT, fields(REVIEW))),
                    "还要核对的地方（next-year 写出）：一项一行，核对完删去那一行，全部核对完删去整个“待核对”", null)));

    @SafeVarargs
    private static List<Key> concat(List<Key>... parts) {
        List<Key> out = new ArrayList<>();
        for (List<Key> p : parts) out.addAll(p);
        return out;
    }
}
