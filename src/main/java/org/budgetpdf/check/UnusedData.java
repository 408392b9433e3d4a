package org.budgetpdf.check;

import org.budgetpdf.diag.Diagnostics;
import org.budgetpdf.diag.SourcePos;
import org.budgetpdf.layout.Layout;
import org.budgetpdf.layout.TableSpec;
import org.budgetpdf.load.SourceFile;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * W-UNUSED: the data the chosen layout never prints. The data format accepts descriptive items that only some layouts
 * print (编制人数, 负责人, 项目.绩效目标, 附加 …); a clerk who writes them for a layout that has no place for them
 * would otherwise believe they are published. What a layout prints is what its template read while it ran on this
 * file (the properties of the data's records, the 附加 keys) and what its tables show; each item the file gives and
 * nothing read is listed once, with its line.
 */
public final class UnusedData {
    private UnusedData() {
    }

    /** A data item, the properties a template reads to print it, and the table column (显示) that prints it, if any. */
    record Use(String path, List<String> properties, String show) {
        Use(String path, String property) {
            this(path, List.of(property), null);
        }
    }

    static final List<Use> USES = List.of(
            new Use("部门.职责概述", "Department.dutiesIntro"),
            new Use("部门.机构设置", "Department.organization"),
            new Use("部门.编制人数", "Department.staffQuota"),
            new Use("部门.实有人数", "Department.staffActual"),
            new Use("部门.负责人", "Department.head"),
            new Use("部门.联系人", "Department.contact"),
            new Use("部门.联系电话", "Department.phone"),
            new Use("部门.预算编码", "Department.budgetCode"),
            new Use("单位[].规格", "UnitView.grade"),
            new Use("单位[].经费形式", "UnitView.funding"),
            new Use("单位[].编制人数", "UnitView.staffQuota"),
            new Use("单位[].实有人数", "UnitView.staffActual"),
            new Use("项目[].编码", List.of("ProjectView.code"), "项目编码"),
            new Use("项目[].列示单位", List.of("ProjectView.unitName"), "项目单位"),
            new Use("项目[].内容", List.of("ProjectView.content"), "项目内容"),
            new Use("项目[].绩效目标", "ProjectView.goals"),
            new Use("项目[].绩效指标", List.of("ProjectView.indicators", "ProjectView.indicatorsOf"), null),
            new Use("项目[].专项转移支付", "Figures.transfers"),
            new Use("机关运行经费.用途", "Running.usage"),
            new Use("国有资产.截止日期", "AssetsView.asOf"),
            new Use("国有资产.变动原因", "AssetsView.reason"),
            new Use("国有资产.其他用车说明", "AssetsView.otherCarsNote"),
            new Use("国有资产.房屋面积", "AssetsView.floorArea"),
            new Use("国有资产.办公用房面积", "AssetsView.officeArea"),
            new Use("绩效.说明", "PerfView.statement"),
            new Use("绩效.上年评价结论", "PerfView.priorConclusion"),
            new Use("绩效.总体目标", "PerfView.overallGoal"),
            new Use("绩效.分项目标", "PerfView.subGoals"),
            new Use("绩效.保障措施", "PerfView.measures"),
            new Use("绩效.年度履职目标", "PerfView.goals"),
            new Use("绩效.目标完成情况", "PerfView.goalResults"),
            new Use("绩效.年度主要任务", "PerfView.tasks"),
            new Use("绩效.整体指标", "PerfView.indicators"),
            new Use("绩效.批复绩效目标说明", "PerfView.targetNote"),
            new Use("绩效.整体自评得分", "PerfView.wholeScore"),
            new Use("绩效.项目自评平均得分", "PerfView.projectScore"),
            new Use("绩效.重点评价结果", "PerfView.keyResult"),
            new Use("其他事项", "Disclosure.otherMatters"));

    /** @param read what the template read ("Department.staffQuota"); @param extrasRead the 附加 keys it asked for */
    public static void check(SourceFile src, Layout layout, Set<String> read, Set<String> extrasRead, Diagnostics x) {
        if (src.root() == null) return;
        Set<String> shown = new java.util.HashSet<>();
        for (TableSpec t : layout.tables().values()) for (TableSpec.Side s : t.sides()) collectShows(s.columns(), shown);
        List<String> items = new ArrayList<>();
        SourcePos first = null;
        for (Use u : USES) {
            Node at = find(src.root(), u.path().split("\\."), 0);
            if (at == null || u.properties().stream().anyMatch(read::contains) || u.show() != null && shown.contains(u.show())) continue;
            SourcePos pos = pos(src, at);
            items.add(u.path().replace("[]", "") + "（第 " + pos.line() + " 行）");
            if (first == null) first = pos;
        }
        Node extras = value(src.root(), "附加");
        if (extras instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue().strip() : "";
                if (extrasRead.contains(key)) continue;
                SourcePos pos = pos(src, t.getKeyNode());
                items.add("附加." + key + "（第 " + pos.line() + " 行）");
                if (first == null) first = pos;
            }
        }
        if (items.isEmpty()) return;
        x.warning("W-UNUSED", first, "版式 " + layout.name() + " 不印数据文件中的这些项：" + String.join("、", items),
                "它们不会出现在 PDF 里。要公开它们，换用印这些项的版式，或在版式的模板中加上（写法见 templates/README.md"
                        + "“模板能用的数据”）；只是留作备查的，可以保留，也可以在“说明:”中写明原因，不再提示。");
    }

    private static void collectShows(List<TableSpec.Column> cols, Set<String> out) {
        for (TableSpec.Column c : cols) {
            if (c.isGroup()) collectShows(c.children(), out);
            else if (!c.show().isEmpty()) out.add(c.show());
        }
    }

    /** The key node of a path (单位[].规格: the first unit that gives it), or null when the file does not give it. */
    private static Node find(Node n, String[] parts, int i) {
        String key = parts[i];
        boolean each = key.endsWith("[]");
        if (each) key = key.substring(0, key.length() - 2);
        NodeTuple t = tuple(n, key);
        if (t == null || empty(t.getValueNode())) return null;
        if (i == parts.length - 1) return t.getKeyNode();
        if (each) {
            if (!(t.getValueNode() instanceof SequenceNode s)) return null;
            for (Node e : s.getValue()) {
                Node found = find(e, parts, i + 1);
                if (found != null) return found;
            }
            return null;
        }
        return find(t.getValueNode(), parts, i + 1);
    }

    private static Node value(Node n, String key) {
        NodeTuple t = tuple(n, key);
        return t == null ? null : t.getValueNode();
    }

    /** The entry {@code key} of a mapping node, or null. */
    static NodeTuple tuple(Node n, String key) {
        if (!(n instanceof MappingNode m)) return null;
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().strip().equals(key)) return t;
        }
        return null;
    }

    /** A value the clerk left empty: blank, null, an empty list or mapping. */
    static boolean empty(Node v) {
        if (v instanceof ScalarNode s) return s.getValue().isBlank() || s.getTag().getValue().endsWith("null");
        if (v instanceof SequenceNode s) return s.getValue().isEmpty();
        if (v instanceof MappingNode m) return m.getValue().isEmpty();
        return false;
    }

    private static SourcePos pos(SourceFile src, Node n) {
        return new SourcePos(src.name(), n.getStartMark().getLine() + 1, n.getStartMark().getColumn() + 1);
    }
}
