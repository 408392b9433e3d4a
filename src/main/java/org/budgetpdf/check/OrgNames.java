package org.budgetpdf.check;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names of other organisations in the clerk's text: what a file copied from another department keeps (a 农业农村局
 * copied from the 卫滨 file prints 医疗保障局 thirteen times). An organisation name is a place (…省/市/县/区) followed
 * by an agency ending in 局, 委员会, 中心, 办公室, 院, 站, 所, 队; it is fine when its agency is the department's own or
 * one of its units' (the same agency at another level: 河南省医疗保障局 is the superior of 卫滨区医疗保障局), or one the
 * layout lists as mentionable (可提及机构: 财政局, 人民政府 …).
 */
final class OrgNames {
    private OrgNames() {
    }

    private static final Pattern NAME = Pattern.compile(
            "(?:\\p{IsHan}{2,4}?(?:省|自治区|市|自治州|州|盟|县|旗|区))+(\\p{IsHan}{2,12}?(?:委员会|局|中心|办公室|院|站|所|队))");
    private static final Pattern PLACES = Pattern.compile("^(?:\\p{IsHan}{2,4}?(?:省|自治区|市|自治州|州|盟|县|旗|区))+");

    private static final Pattern FUNCTION_WORDS = Pattern.compile("[的和与及或由为以在是对将把被等各其之从向于给让及并所]");

    /** The same agency, or its usual short form: 医保局 for 医疗保障局, 卫健委 for 卫生健康委员会. */
    static boolean same(String a, String b) {
        if (a.equals(b)) return true;
        String shortName = a.length() < b.length() ? a : b;
        String longName = (a.length() < b.length() ? b : a).replaceAll("委员会$", "委");
        if (shortName.charAt(shortName.length() - 1) != longName.charAt(longName.length() - 1)) return false;
        int i = 0;
        for (int k = 0; k < longName.length() && i < shortName.length(); k++) if (longName.charAt(k) == shortName.charAt(i)) i++;
        return i == shortName.length();
    }

    /** The agency part of a name: 新乡市卫滨区医疗保障局 → 医疗保障局 (the name itself when it has no place). */
    static String agency(String name) {
        Matcher m = PLACES.matcher(name);
        return m.find() && m.end() < name.length() ? name.substring(m.end()) : name;
    }

    /**
     * @param own       the department's and its units' names
     * @param mentions  agencies the layout allows (可提及机构), matched anywhere in the agency
     */
    static List<TextLint.Finding> find(String text, List<String> own, List<String> mentions) {
        List<TextLint.Finding> out = new ArrayList<>();
        if (own.isEmpty()) return out;
        List<String> agencies = own.stream().map(OrgNames::agency).toList();
        Matcher m = NAME.matcher(text);
        while (m.find()) {
            String agency = m.group(1);
            // a run of words that merely ends in 局/中心 (“…由市局”, “…为中心”) is no name
            if (FUNCTION_WORDS.matcher(agency).find() || "级区市县省".indexOf(agency.charAt(0)) >= 0) continue;
            if (agencies.stream().anyMatch(a -> same(agency, a)) || mentions.stream().anyMatch(agency::contains)) continue;
            if (own.stream().anyMatch(n -> n.endsWith(m.group()) || m.group().endsWith(n))) continue;
            out.add(new TextLint.Finding(m.start(1), m.end(1) - m.start(1), "文字中提到“" + agency + "”，它不是本部门（"
                            + own.get(0) + "）或所属单位，也不在版式列出的可提及机构中",
                    "多半是从别的部门的文件复制来、没有改过的文字：改成本部门的名称；确实要提到这个机构（上级主管部门、协作单位"
                            + "等），把它加到所用版式 layout.yaml 的“可提及机构”中。"));
        }
        return out;
    }
}
