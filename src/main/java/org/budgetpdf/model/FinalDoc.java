package org.budgetpdf.model;

import org.budgetpdf.diag.SourcePos;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One 部门决算 data file, bound and typed. Every amount is in 万元 at full precision (a file written in 元
 * is converted on binding); rounding to the printed two decimals is compute's job, done once.
 *
 * @param lines     决算 by 功能分类项: the atoms every 公开 table and sentence is summed from
 * @param basicEcon 一般公共预算财政拨款基本支出 by 部门经济分类款 (公开06)
 * @param runningCost 机关运行经费 as reported; null: by definition (公用经费 of 行政/参公 units), or none
 * @param declared  control figures from the finance system (控制数); null when absent
 */
public record FinalDoc(String file, int year, int catalogYear, LocalDate publishDate, Department department,
                       List<Unit> units, List<Line> lines, Carry carry, List<EconAmount> basicEcon,
                       SanGong sanGong, Procurement procurement, Assets assets, Perf perf, Prior prior,
                       Reasons reasons, Amount runningCost, Declared declared) implements Disclosure {

    /**
     * One 功能分类项. {@code basic}/{@code project}: 一般公共预算财政拨款 spending; {@code otherBasic}/{@code
     * otherProject}: spending from other money (非财政拨款, e.g. 年初非财政拨款结转); {@code income}: 本年财政拨款收入
     * classified under this 项 (公开02); {@code budget}: 年初预算 (§五（三）); {@code reason}: why 决算 differs
     * from 年初预算.
     */
    public record Line(String functionCode, Amount budget, Amount income, Amount basic, Amount project,
                       Amount otherBasic, Amount otherProject, String reason, SourcePos pos) {
        public BigDecimal fiscal() {
            return basic.value().add(project.value());
        }

        public BigDecimal other() {
            return otherBasic.value().add(otherProject.value());
        }
    }

    /** 年初 / 年末 结转和结余: fiscal = 一般公共预算财政拨款, other = 非财政拨款. */
    public record Carry(Amount openFiscal, Amount openOther, Amount closeFiscal, Amount closeOther) {
    }

    /** "三公"经费: 预算数 and 决算数 per kind, the counts the text gives, and reasons for differences. */
    public record SanGong(ThreePublic budget, ThreePublic actual, Amount foreignReception,
                          int abroadGroups, int abroadPersons, int carsBought, int carsHeld,
                          int foreignGroups, int foreignPersons, int domesticGroups, int domesticPersons,
                          String abroadReason, String carReason, String receptionReason) {
    }

    /** 政府采购支出, with the contract amounts awarded to 中小企业 and, within them, 小微企业. */
    public record Procurement(Amount goods, Amount works, Amount services, Amount sme, Amount smallMicro) {
        public BigDecimal total() {
            return goods.value().add(works.value()).add(services.value());
        }
    }

    /** 国有资产占用 at the year's end: vehicles by kind and equipment counts. */
    public record Assets(int leaderCars, int confidentialCars, int emergencyCars, int enforcementCars,
                         int specialCars, int retiredCars, int otherCars, int generalEquipment,
                         int specialEquipment, SourcePos pos) {
        public int cars() {
            return leaderCars + confidentialCars + emergencyCars + enforcementCars + specialCars + retiredCars + otherCars;
        }
    }

    /** 预算绩效 and the 部门整体绩效自评表. */
    public record Perf(int projects, int selfEvaluated, Amount selfAmount, int keyEvaluated, Amount keyAmount,
                       int targetProjects, String targetNote, String wholeScore, String projectScore,
                       String keyResult, Amount yearBudget, BigDecimal budgetWeight, BigDecimal budgetScore,
                       List<String> goals, List<String> goalResults, List<Performance.Task> tasks,
                       List<Indicator> indicators) {
    }

    /** A row of the 自评表: {@code weight} 分值, {@code score} 得分. */
    public record Indicator(String level1, String level2, String name, String target, String note, String actual,
                            BigDecimal weight, BigDecimal score, String remark) {
    }

    /** Last year's 决算: 收支总计, 财政拨款收支总计, 一般公共预算财政拨款支出. */
    public record Prior(Amount total, Amount fiscal, Amount general) {
    }

    /** The clerk's reasons for the year-on-year changes (text after “主要原因是”). */
    public record Reasons(String total, String fiscal, String general) {
    }

    /**
     * 控制数: totals as the finance system prints them; each is compared with the sum of the lines. Any may be
     * null. {@code classes}: 功能分类类 code → 本年支出.
     */
    public record Declared(Amount budget, Amount income, Amount spending, Amount fiscalSpending, Amount basic,
                           Amount project, Amount perfProject, Map<String, Amount> classes) {
    }
}
