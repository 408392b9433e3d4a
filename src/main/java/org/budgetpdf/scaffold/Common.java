package org.budgetpdf.scaffold;

import org.budgetpdf.cli.Arguments;
import org.budgetpdf.cli.Failure;
import org.budgetpdf.cli.Launcher;
import org.budgetpdf.cli.Options;
import org.budgetpdf.cli.Usage;
import org.budgetpdf.render.AtomicFiles;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What {@code new} and {@code next-year} share: one file argument, and writing a data file whole or not at all. */
final class Common {
    private Common() {
    }

    static int helpOrVersion(Options.Common o, PrintStream out, Launcher launcher) {
        out.print(o.help ? Usage.help(launcher) : Usage.versionLine() + "\n");
        return 0;
    }

    /** The one file a command takes; a data file's name ends in .yaml. */
    static Path oneFile(List<String> files, String command, String example, Path home) throws Options.UsageError {
        if (files.isEmpty()) throw new Options.UsageError(command + " 后面要写一个文件名，例如：" + command + " data/" + example);
        if (files.size() > 1) {
            throw new Options.UsageError(command + " 只接受一个文件名，多了“" + files.get(1) + "”。");
        }
        String f = files.get(0);
        if (!f.endsWith(".yaml") && !f.endsWith(".yml")) {
            throw new Options.UsageError("“" + f + "”不是数据文件的名字：数据文件以 .yaml 结尾，例如 " + example + "。");
        }
        return home.resolve(f);
    }

    static String shown(Path home, Path p) {
        Path abs = p.toAbsolutePath().normalize();
        return (abs.startsWith(home) ? home.relativize(abs) : abs).toString().replace('\\', '/');
    }

    /** Writes a new data file (UTF-8) through a temporary file; false after telling the clerk why it could not. */
    static boolean write(Path target, String text, Path home, PrintStream err) throws Options.UsageError {
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new Options.UsageError("文件夹“" + (dir == null ? shown(home, target) : shown(home, dir)) + "”不存在，没有写任何文件。"
                    + "\n提示：先建好这个文件夹，或写到已有的文件夹里（例如 data/）。");
        }
        try {
            AtomicFiles.write(target, text.getBytes(StandardCharsets.UTF_8));
            return true;
        } catch (IOException | RuntimeException e) {
            Failure w = Failure.classify(e, shown(home, dir));
            err.println("错误[E-WRITE]: 无法写入 " + shown(home, target) + "。" + w.message());
            err.println("提示：" + w.hint().replace("已有的 PDF 未被改动。", "没有写任何文件。"));
            return false;
        }
    }

    /** The file that will be written must not be a data file given or one the clerk already has. */
    static void refuseExisting(Path target, Path home) throws Options.UsageError {
        if (Files.exists(target)) {
            throw new Options.UsageError("“" + shown(home, target) + "”已经存在，没有改动它。\n提示：用 --out 写到另一个文件名，"
                    + "或先把原来的文件改名。");
        }
        if (Files.isDirectory(target)) throw new Options.UsageError("“" + shown(home, target) + "”是一个文件夹。");
        Arguments.pdfName(target); // a name Java can use
    }
}
