package org.budgetpdf.compute;

import java.math.BigDecimal;
import java.util.List;

/** The small records {@link Figures} hands to templates. Null components mean: the file does not say. */
public final class Views {
    private Views() {
    }

    /** A labelled amount: an income source, a project type, a 经济分类 item. */
    public record Named(String label, Money amount) {
    }

    /** A labelled count: vehicles by kind, equipment. */
    public record Count(String label, int count) {
    }

    /** A 功能分类类 with its amount and its share of the breakdown it belongs to. */
    public record ClassShare(String code, String ordinal, String name, String shortName, Money amount, Pct share) {
    }

    public record UnitView(String code, String name, String type, String grade, String funding, Integer staffQuota,
                           Integer staffActual) {
    }

    /** 基本支出 split into 人员经费 and 公用经费, with the 经济分类 items of each (amount order: code). */
    public record Basic(Money total, Money personnel, Pct personnelShare, Money publicUse, Pct publicShare,
                        List<Named> personnelItems, List<Named> publicItems) {
    }

    /**
     * One 三公 part. {@code amount}: the document's figure (预算 or 决算); {@code budget}: 决算's 预算数; {@code prior}
     * and {@code change}: last year's (null when not given); {@code rate}: 决算 / 预算 (null when 预算 is 0);
     * {@code share}: of the 三公 total (null when it is 0); {@code reason}: null when not written.
     */
    public record Part(String name, Money amount, Money budget, Money prior, Change change, Pct rate, Pct share,
                       boolean differs, String reason) {
    }

    /** {@code given}: the file has a 三公 section (when it has none, nothing about 三公 is printed, not even zeros). */
    public record SanGong(boolean given, Money total, Money budget, Money prior, Change change, Pct rate, boolean differs,
                          Part abroad, Part car, Part carPurchase, Part carRunning, Part reception,
                          Money foreignReception, Money domesticReception, Integer abroadGroups,
                          Integer abroadPersons, Integer carsBought, Integer carsHeld, Integer foreignGroups,
                          Integer foreignPersons, Integer domesticGroups, Integer domesticPersons) {
    }

    /**
     * 机关运行经费: {@code amount} as entered (or the sum of its 明细), else by definition; null when the department
     * has none (no 行政/参公 unit and nothing entered). {@code items}: the 明细 by 经济分类 款 when entered.
     */
    public record Running(Money amount, Money byDefinition, boolean entered, Money prior, Change change,
                          String usage, String reason, List<Named> items) {
    }

    /** 政府采购: each part null when the file does not give it; {@code total} the sum of 货物, 工程 and 服务. */
    public record Procurement(Money total, Money goods, Money works, Money services, Money sme, Pct smeShare,
                              Money smallMicro, Pct smallMicroShare) {
    }

    /** 国有资产: amounts by item as given (资产总额, 固定资产 …), counts, and the change of 资产总额. */
    public record AssetsView(String asOf, int year, List<Named> amounts, Change change, String reason, Integer cars,
                             List<Count> vehicles, String otherCarsNote, List<Count> equipment, BigDecimal floorArea,
                             BigDecimal officeArea) {
        /** The amount of one item, or null when not given. */
        public Money amount(String item) {
            return amounts.stream().filter(n -> n.label().equals(item)).map(Named::amount).findFirst().orElse(null);
        }

        /** The count of one vehicle kind or equipment class, or null when not given. */
        public Integer count(String label) {
            for (Count c : vehicles) if (c.label().equals(label)) return c.count();
            for (Count c : equipment) if (c.label().equals(label)) return c.count();
            return null;
        }
    }

    /** An indicator row with the rowspans of its 一级 and 二级 cells (0 on rows an earlier cell covers). */
    public record IndicatorRow(String level1, int span1, String level2, int span2, String name, String value,
                               String description, String basis, String note) {
    }

    /** One project line (功能 × 经济 × fund) as a project table row prints it. */
    public record ProjectLine(String function, String functionName, String econ, String econName, Money amount) {
    }

    public record ProjectView(String id, String code, String name, String unitCode, String unitName, String type,
                              Money amount, Money government, Money special, Money unitFunds, Money general,
                              String transfer, String content, List<String> goals, List<IndicatorRow> indicators,
                              List<ProjectLine> lines) {
        /** The indicators of one 一级, in order (预算12表 prints 成本/产出/效益/满意度 side by side). */
        public List<IndicatorRow> indicatorsOf(String level1) {
            return indicators.stream().filter(i -> i.level1().equals(level1)).toList();
        }
    }

    /** §五（三） of a 决算: one 项's 年初预算 against its 决算; {@code rate} null when the 年初预算 is 0. */
    public record ExecItem(String code, String path, Money budget, Money actual, Pct rate, boolean differs,
                           String reason) {
    }

    public record Execution(Money budget, Money actual, Pct rate, List<ExecItem> items) {
    }

    public record SubGoal(String name, String goal, String indicator) {
    }

    public record Task(String name, String content) {
    }

    /** A row of the 预算执行情况 block of the 自评表; {@code rate} null when 全年数 is 0. */
    public record Source(String label, Money initial, Money year, Money executed, Pct rate) {
    }

    public record SelfRow(String level1, int span1, String level2, int span2, String name, String target, String note,
                          String actual, String weight, String score, String remark) {
    }

    /**
     * 绩效 as the file gives it; counts and amounts null when not given. The 决算 self-evaluation is in
     * {@code sources}, {@code selfRows} and {@code selfTotal}.
     */
    public record PerfView(String statement, Integer priorEvaluated, Money priorAmount, String priorConclusion,
                           Integer planned, Money plannedAmount, String overallGoal, List<SubGoal> subGoals,
                           List<String> measures, List<String> goals, List<String> goalResults, List<Task> tasks,
                           List<IndicatorRow> indicators, Integer projects, Integer selfEvaluated, Money selfAmount,
                           Integer keyEvaluated, Money keyAmount, Integer targetProjects, String targetNote,
                           String wholeScore, String projectScore, String keyResult, List<Source> sources,
                           String budgetWeight, String budgetScore, List<SelfRow> selfRows, String selfTotal) {
    }
}
