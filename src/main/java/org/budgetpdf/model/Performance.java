package org.budgetpdf.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * 绩效: what the file says about performance management, 部门预算 and 部门决算 alike. Every component is null or empty
 * when not given; the sentence that needs it is then left out. Amounts (上年评价金额 …) are {@link Fact}s of
 * {@link Measure#OTHER}.
 */
public record Performance(String statement, Integer priorEvaluated, String priorConclusion, Integer planned,
                          String overallGoal, List<SubGoal> subGoals, List<String> measures, List<String> goals,
                          List<String> goalResults, List<Task> tasks, List<Indicator> indicators,
                          Integer projects, Integer selfEvaluated, Integer keyEvaluated, Integer targetProjects,
                          String targetNote, String wholeScore, String projectScore, String keyResult,
                          BigDecimal budgetWeight, BigDecimal budgetScore, List<SelfRow> selfRows) {

    public record Task(String name, String content) {
    }

    /** 分项绩效目标: a target with its goal and indicator sentence. */
    public record SubGoal(String name, String goal, String indicator) {
    }

    /** A row of the 部门整体绩效自评表: {@code weight} 分值 and {@code score} 得分 are plain numbers (never money). */
    public record SelfRow(String level1, String level2, String name, String target, String note, String actual,
                          BigDecimal weight, BigDecimal score, String remark) {
    }
}
