package org.budgetpdf.scaffold;

import org.budgetpdf.ProjectHome;
import org.budgetpdf.cli.Launcher;
import org.budgetpdf.cli.Options;
import org.budgetpdf.diag.Diagnostics;
import org.budgetpdf.layout.Layout;
import org.budgetpdf.layout.LayoutLoader;
import org.budgetpdf.model.DocKind;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code new}: a blank data file for a document kind and layout. The text is a resource per kind
 * ({@code blank/budget.yaml}, {@code blank/final.yaml}): every section, every field with a Chinese comment (必填 or
 * 可省略, unit, 例：…), amounts empty. A layout may add to it with a {@code blank.yaml} of its own, whose top-level
 * sections replace the sections of the same name (or are added before 上年): a new layout needs no Java.
 */
public final class BlankFile {
    /** The sections a document ends with; a layout's new sections go before them. */
    static final List<String> TAIL = List.of("上年", "变动原因", "批复", "其他事项", "说明");

    private BlankFile() {
    }

    /** The blank file's text for {@code kind}, with {@code layout}'s additions and its 版式 line when given. */
    public static String text(DocKind kind, Optional<Layout> layout) throws IOException {
        YamlText base = YamlText.parse(resource(kind));
        if (layout.isPresent()) {
            Path own = layout.get().folder().resolve("blank.yaml");
            if (Files.isRegularFile(own)) {
                YamlText add = YamlText.parse(Files.readString(own, StandardCharsets.UTF_8));
                for (String key : add.keys()) {
                    String block = add.block(key).orElseThrow().text();
                    if (!block.endsWith("\n\n")) block += "\n";
                    if (base.has(key)) base.replace(key, block);
                    else base.insert(key, block, TAIL);
                }
            }
            String line = "版式: " + layout.get().name() + padTo("版式: " + layout.get().name(), 31)
                    + "# " + layout.get().title() + "；换版式时改这里，或删去这一行用默认版式\n";
            base.insert("版式", line, List.of("金额单位"));
        }
        return base.toString();
    }

    private static String padTo(String s, int width) {
        int w = 0;
        for (int i = 0; i < s.length(); i++) w += s.charAt(i) < 0x2E80 ? 1 : 2;
        return " ".repeat(Math.max(1, width - w));
    }

    static String resource(DocKind kind) throws IOException {
        String name = "/blank/" + (kind == DocKind.BUDGET ? "budget" : "final") + ".yaml";
        try (InputStream in = BlankFile.class.getResourceAsStream(name)) {
            if (in == null) throw new IOException("missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    public static int run(Options.New o, PrintStream out, PrintStream err, Path home, Launcher launcher) throws Options.UsageError {
        if (o.help || o.version) return Common.helpOrVersion(o, out, launcher);
        Path target = Common.oneFile(o.files, "new", "新文件.yaml", home);
        if (Files.exists(target)) {
            throw new Options.UsageError("“" + Common.shown(home, target) + "”已经存在，没有改动它。\n提示：new 只写新文件；换一个文件名，"
                    + "或先把原来的文件改名。");
        }
        DocKind kind = o.finalAccounts ? DocKind.FINAL_ACCOUNTS : DocKind.BUDGET;
        Optional<Layout> layout = Optional.empty();
        if (o.layout != null) {
            LayoutLoader loader = new LayoutLoader(ProjectHome.locate(home).templates());
            List<String> names = loader.names();
            if (!names.contains(o.layout)) {
                throw new Options.UsageError("没有名为“" + o.layout + "”的版式。\n提示：templates/ 下的版式：" + String.join("、", names) + "。");
            }
            Diagnostics d = new Diagnostics();
            layout = loader.load(o.layout, d);
            if (layout.isEmpty()) {
                throw new Options.UsageError("版式“" + o.layout + "”的文件有错误，先用 check 检查一个使用它的数据文件。");
            }
            if (o.finalAccounts && layout.get().kind() != DocKind.FINAL_ACCOUNTS) {
                throw new Options.UsageError("版式“" + o.layout + "”是" + layout.get().kind().label() + "的版式，与 --决算 不符。");
            }
            kind = layout.get().kind();
        }
        String text;
        try {
            text = text(kind, layout);
        } catch (IOException e) {
            err.println("错误：读不到空白文件的模板（" + e.getMessage() + "）。\n提示：程序文件不完整，请重新安装或重新编译。");
            return 1;
        }
        if (!Common.write(target, text, home, err)) return 1;
        String shown = Common.shown(home, target);
        out.println("已写出 " + shown + "（" + kind.label() + (layout.map(l -> "，版式 " + l.name()).orElse("")) + "）。");
        out.println("下一步：照文件里每一行的说明填写，然后检查：" + launcher.command("check " + shown));
        return 0;
    }
}
