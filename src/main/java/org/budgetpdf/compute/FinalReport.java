package org.budgetpdf.compute;

import org.budgetpdf.compute.BudgetReport.ClassShare;
import org.budgetpdf.compute.BudgetReport.Labeled;
import org.budgetpdf.compute.BudgetReport.Meta;
import org.budgetpdf.compute.BudgetReport.Overview;

import java.util.List;

/**
 * Everything the 部门决算 templates print, computed beforehand (the budget's {@link BudgetReport} counterpart).
 * Amounts are printed {@link Money} from {@link FinalFigures}; a {@link Pct} that cannot be computed (0 as the
 * denominator) is null and the template leaves the phrase out.
 */
public record FinalReport(Meta meta, Overview overview, Totals totals, List<ClassShare> generalByClass,
                          Execution execution, Basic basic, SanGong sanGong, Running running, Procurement procurement,
                          Assets assets, Perf perf, SelfEval selfEval, Tables tables) {

    /**
     * @param total   收支总计 (公开01 总计)
     * @param fiscal  财政拨款收支总计 (公开04 总计)
     * @param general 一般公共预算财政拨款支出 (公开05 合计)
     */
    public record Totals(Money total, Change totalChange, String totalReason,
                         Money income, Money fiscalIncome, Pct fiscalIncomeShare, Money otherIncome, Pct otherIncomeShare,
                         Money spending, Money basic, Pct basicShare, Money project, Pct projectShare,
                         Money fiscal, Change fiscalChange, String fiscalReason,
                         Money general, Pct generalShare, Change generalChange, String generalReason) {
    }

    /** §五（三）: 年初预算 against 决算, overall and per 项. */
    public record Execution(Money budget, Money actual, Pct rate, List<ExecItem> items) {
    }

    /** {@code rate} null when 年初预算 is 0; {@code differs} when a reason is due. */
    public record ExecItem(String path, Money budget, Money actual, Pct rate, boolean differs, String reason) {
    }

    public record Basic(Money total, Money personnel, Money publicUse, List<Labeled> personnelItems,
                        List<Labeled> publicItems) {
    }

    /** 三公: rates null when the 预算 is 0, shares null when the 决算 total is 0. */
    public record SanGong(Money budget, Money actual, Pct rate, boolean differs, Part abroad, Part car, Part reception,
                          Money carPurchase, Money carRunning, Money foreignReception, Money domesticReception,
                          int abroadGroups, int abroadPersons, int carsBought, int carsHeld, int foreignGroups,
                          int foreignPersons, int domesticGroups, int domesticPersons) {
        public record Part(Money budget, Money actual, Pct rate, Pct share, boolean differs, String reason) {
        }
    }

    /** {@code amount} null when the department has no 行政/参公 unit and so no 机关运行经费. */
    public record Running(Money amount) {
    }

    public record Procurement(Money total, Money goods, Money works, Money services, Money sme, Pct smeShare,
                              Money smallMicro, Pct smallMicroShare) {
    }

    public record Assets(int year, int cars, int leaderCars, int confidentialCars, int emergencyCars,
                         int enforcementCars, int specialCars, int retiredCars, int otherCars, int generalEquipment,
                         int specialEquipment) {
    }

    public record Perf(Money total, Money basic, Money personnel, Money publicUse, Money project, int projects,
                       int selfEvaluated, Money selfAmount, int keyEvaluated, Money keyAmount, int targetProjects,
                       String targetNote, String wholeScore, String projectScore, String keyResult) {
    }

    /** 部门整体绩效自评表. */
    public record SelfEval(List<Source> sources, String weight, String score, List<String> goals,
                           List<String> goalResults, List<Task> tasks, List<Row> rows, String total) {
        /** A 预算执行情况 row; {@code rate} null when 全年数 is 0. */
        public record Source(String label, Money initial, Money year, Money executed, Pct rate) {
        }

        public record Task(String name, String content) {
        }

        public record Row(String level1, int span1, String level2, int span2, String name, String target, String note,
                          String actual, String weight, String score, String remark) {
        }
    }

    public record Tables(Grid t01, Grid t02, Grid t03, Grid t04, Grid t05, Grid t06, Grid t07) {
    }
}
