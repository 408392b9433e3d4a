package org.budgetpdf.compute;

/** The spending columns of tables 03/05/09: 基本支出 by economic class, 项目支出 by project type. */
public enum Col {
    WAGES, FAMILY, GOODS, CAPITAL, OPERATING, SPECIFIC;

    /** Column of a 基本支出 amount by its 部门经济分类 类; null when the class has no 基本支出 column. */
    public static Col ofBasicEcon(String econCode) {
        return switch (econCode.substring(0, 3)) {
            case "301" -> WAGES;
            case "303" -> FAMILY;
            case "302" -> GOODS;
            case "309", "310" -> CAPITAL;
            default -> null;
        };
    }

    public boolean basic() {
        return this != OPERATING && this != SPECIFIC;
    }
}
