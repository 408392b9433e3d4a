package org.budgetpdf.model;

import org.budgetpdf.diag.SourcePos;

import java.time.LocalDate;
import java.util.List;

/**
 * One data file, 部门预算 or 部门决算, bound and typed; knows nothing about tables or wording. Every amount is a
 * {@link Fact}; the rest describes them.
 *
 * @param layout       版式 as written, empty when the file leaves the choice to the default; {@code layoutPos} where
 * @param lines        the blocks under one 功能分类项 (基本支出 blocks, 决算明细 lines)
 * @param runningUsage 机关运行经费.用途, empty when not given
 * @param assets       null when the file has no 国有资产 section
 * @param perf         null when the file has no 绩效 section
 * @param approved     null when the file has no 批复 / 控制数
 * @param otherMatters 其他需要说明的事项, empty when not given
 * @param named        codes the file names itself ({编码, 名称}), in file order
 * @param extras       附加: the province's own items, by key in file order
 */
public record Disclosure(String file, DocKind kind, int year, int catalogYear, LocalDate publishDate, String layout,
                         SourcePos layoutPos, Department department, List<Unit> units, List<Fact> facts,
                         List<Line> lines, List<Project> projects, String runningUsage, Assets assets,
                         Performance perf, SanGongCounts sanGongCounts, Reasons reasons, Approved approved,
                         String otherMatters, List<NamedCode> named, java.util.Map<String, Extra> extras) {

    public Unit unit(String code) {
        return units.stream().filter(u -> u.code().equals(code)).findFirst().orElse(null);
    }

    public Project project(String id) {
        return projects.stream().filter(p -> p.id().equals(id)).findFirst().orElse(null);
    }

    public boolean isBudget() {
        return kind == DocKind.BUDGET;
    }
}
