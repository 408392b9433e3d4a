package org.budgetpdf.model;

import java.util.List;

/**
 * 绩效: the clerk's text, last year's evaluation, and the 部门整体绩效目标 (预算11表).
 * @param priorEvaluatedProjects number of projects evaluated last year (0 when none)
 */
public record Performance(String statement, int priorEvaluatedProjects, Amount priorEvaluatedAmount,
                          String priorConclusion, List<String> goals, List<Task> tasks, List<Indicator> indicators) {

    public record Task(String name, String content) {
    }
}
