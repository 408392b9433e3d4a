package org.budgetpdf.bind;

import org.budgetpdf.catalog.UnitType;
import org.budgetpdf.model.Department;
import org.budgetpdf.model.GovLevel;
import org.budgetpdf.model.ThreePublic;
import org.budgetpdf.model.Unit;

import java.time.DateTimeException;
import java.time.LocalDate;

/** The parts a 部门预算 and a 部门决算 file write the same way. */
final class Common {
    private Common() {
    }

    static int year(Reader r, String key, boolean required) {
        int y = r.count(key, required);
        if (y != 0 && (y < 2000 || y > 2100)) {
            r.ctx().diags().error("E-VALUE", r.posOf(key), "“" + key + "”" + y + " 不是合理的年份", "写四位年份，例如 2025。");
        }
        return y;
    }

    /** 公开日期: the cover's month and the PDF's creation date (never the clock). */
    static LocalDate publishDate(Reader r, int year) {
        String s = r.str("公开日期", true);
        LocalDate fallback = LocalDate.of(Math.max(year, 2000), 1, 1);
        if (s.isEmpty()) return fallback;
        try {
            return LocalDate.parse(s);
        } catch (DateTimeException e) {
            r.ctx().diags().error("E-VALUE", r.posOf("公开日期"), "“公开日期”的值“" + s + "”不是日期",
                    "写成 \"2025-03-01\"（带引号）。");
            return fallback;
        }
    }

    static Department department(Reader r, boolean codeRequired) {
        Department d = new Department(r.str("名称", true), r.str("代码", codeRequired),
                r.label("级次", GovLevel.class, true, "政府级次").orElse(GovLevel.COUNTY),
                r.str("职责概述", false), r.strList("职责", true), r.strList("机构设置", true), r.pos());
        r.finish();
        return d;
    }

    static Unit unit(Reader r) {
        String typeText = r.str("类型", true);
        UnitType type = UnitType.fromLabel(typeText).orElse(UnitType.ADMIN);
        if (!typeText.isEmpty() && UnitType.fromLabel(typeText).isEmpty()) {
            r.ctx().diags().error("E-VALUE", r.posOf("类型"), "单位类型“" + typeText + "”无效",
                    "可选值：行政、参公、事业（参照公务员法管理的事业单位写“参公”）。");
        }
        Unit u = new Unit(r.str("代码", true), r.str("名称", true), type, r.pos());
        r.finish();
        return u;
    }

    static ThreePublic threePublic(Reader r) {
        ThreePublic t = new ThreePublic(r.amount("因公出国", true), r.amount("公务用车购置", true),
                r.amount("公务用车运行", true), r.amount("公务接待", true));
        r.finish();
        return t;
    }
}
