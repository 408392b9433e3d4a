package org.budgetpdf.compute;

import java.util.List;

/**
 * Everything the budget templates print, computed beforehand: the templates hold wording and layout,
 * no arithmetic. Amounts are {@link Money}, shares {@link Pct}, comparisons {@link Change}.
 */
public record BudgetReport(
        Meta meta,
        Overview overview,
        Totals totals,
        List<Labeled> incomeSources,
        List<Labeled> carrySources,
        Money carryTotal,
        List<ClassShare> generalByClass,
        Basic basic,
        ThreePublicView threePublic,
        Running running,
        Procurement procurement,
        Perf perf,
        AssetsView assets,
        List<Labeled> transfers,
        Tables tables) {

    public record Meta(String title, String dept, String deptCode, int year, int priorYear, String publishMonth,
                       String govLevel, String keywords) {
    }

    public record Overview(String dutiesIntro, List<String> duties, List<String> organization,
                           List<UnitView> units, UnitView own, List<UnitView> subordinates) {
    }

    public record UnitView(String code, String name, String type) {
    }

    /**
     * @param total        收入总计 = 支出总计
     * @param general      一般公共预算 (spending = income)
     */
    public record Totals(Money total, Change totalChange, String totalReason,
                         Money basic, Pct basicShare, Money project, Pct projectShare,
                         Money general, Money appropriation, Change generalChange,
                         Money govFund, Change govFundChange, String govFundReason,
                         Money stateCapital, Change stateCapitalChange, String stateCapitalReason,
                         Money generalBasic, Pct generalBasicShare, Money generalProject, Pct generalProjectShare) {
    }

    public record Labeled(String label, Money amount) {
    }

    public record ClassShare(String name, Money amount, Pct share) {
    }

    /** 一般公共预算 基本支出 and 项目支出 detail. */
    public record Basic(Money total, Money personnel, Pct personnelShare, Money publicUse, Pct publicShare,
                       List<String> personnelItems, List<String> publicItems,
                       Money project, Money operating, Money specific) {
    }

    public record ThreePublicView(Money total, Change change, Part abroad, Money car, Change carChange,
                                  Part carPurchase, Part carRunning, Part reception) {
        public record Part(Money amount, Change change, String reason) {
        }
    }

    public record Running(Money amount, Change change, String usage, String reason) {
    }

    public record Procurement(Money total, Money goods, Money works, Money services) {
    }

    public record Perf(String statement, int priorProjects, Money priorAmount, String priorConclusion,
                       int projects, Money projectTotal) {
    }

    public record AssetsView(int year, Money total, Money fixed, Money intangible, Change change, String reason,
                             int cars, int officialCars, int lawEnforcementCars, int specialCars, int otherCars,
                             String otherCarsNote, int generalEquipment, int specialEquipment) {
    }

    public record Tables(Grid t01, Grid t02, Grid t03, Grid t04, Grid t05, Grid t06, Grid t07, Grid t08,
                         Grid t09, Grid t10, WholePerf t11, List<ProjectPerf> t12) {
    }

    /** 预算11表. */
    public record WholePerf(List<String> goals, List<Task> tasks, Money total, Money government, Money special,
                            Money unitFunds, Money basic, Money project, List<IndicatorRow> indicators) {
        public record Task(String name, String content) {
        }

        /** span1/span2: rowspan of the 一级/二级 cells on the first row of their group, 0 on the rows they cover. */
        public record IndicatorRow(String level1, int span1, String level2, int span2, String name, String value,
                                   String note) {
        }
    }

    /** One block of 预算12表: a unit heading row or a project with its indicator rows. */
    public record ProjectPerf(String kind, String code, String name, List<Money> amounts, List<List<String>> lines) {
        public int span() {
            return Math.max(1, lines.size());
        }

        public List<String> firstLine() {
            return lines.isEmpty() ? List.of("", "", "", "", "", "", "", "") : lines.get(0);
        }

        public List<List<String>> restLines() {
            return lines.size() <= 1 ? List.of() : lines.subList(1, lines.size());
        }
    }
}
