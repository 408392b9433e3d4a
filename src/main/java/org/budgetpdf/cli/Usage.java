package org.budgetpdf.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;

/** The help text and the version line, in the form the program was started ({@link Launcher}). */
public final class Usage {
    private Usage() {
    }

    /** The project version from the Maven build (a filtered resource), e.g. "0.1.0-SNAPSHOT". */
    public static String version() {
        try (InputStream in = Usage.class.getResourceAsStream("/org/budgetpdf/version.properties")) {
            Properties p = new Properties();
            if (in != null) p.load(in);
            String v = p.getProperty("version", "");
            return v.isEmpty() || v.startsWith("${") ? "（版本未知：没有经过 Maven 编译）" : v;
        } catch (IOException e) {
            return "（版本未知）";
        }
    }

    public static String versionLine() {
        return "部门预决算公开 PDF 生成工具 " + version() + "（Java " + System.getProperty("java.version") + "）";
    }

    public static String help(Launcher l) {
        StringBuilder sb = new StringBuilder("用法：\n");
        List<String[]> rows = List.of(
                new String[]{l.command(""), "检查并生成 data/ 下的全部数据文件"},
                new String[]{l.command("build 文件或文件夹…"), "检查并生成指定的文件（文件夹：其中的全部 .yaml，含子文件夹）"},
                new String[]{l.command("build --html 文件或文件夹…"), "同时在每个 PDF 旁边写出网页版（同名的 .html）"},
                new String[]{l.command("check 文件或文件夹…"), "只检查，不生成 PDF"},
                new String[]{l.command("new 新文件.yaml"), "写一份空白数据文件，照注释填写"},
                new String[]{l.command("next-year 文件.yaml"), "由今年的文件写出下一年的文件"},
                new String[]{l.command("--help"), "显示本说明"});
        for (String[] r : rows) sb.append("  ").append(r[0]).append("\n      ").append(r[1]).append('\n');
        sb.append("""

                命令：
                  build [文件或文件夹…]  检查数据文件，没有错误的生成 PDF（默认 out/<同名>.pdf）；不给文件时处理 data/
                                         下的全部 .yaml；给文件夹时处理其中（含子文件夹）的全部 .yaml，PDF 按同样的
                                         子文件夹放进输出目录
                  check 文件或文件夹…    只检查，逐条列出错误和警告（文件:行:列）
                  new [--版式 名称] [--决算] 新文件.yaml
                                         写一份空白数据文件：每一项都有中文注释（必填或可省略、单位、例子），
                                         金额空着；--版式 选版式（决定文档类型和版式要的项），--决算 写部门决算
                  next-year [--决算] [--out 新文件] 文件.yaml
                                         写出下一年的文件：年度加一，“上年”填入今年算出的数，变动原因清空，
                                         要核对的地方列在文件开头的“待核对”里（check 会逐条列出）；
                                         --决算：由今年的部门预算写出今年的部门决算，预算数一栏填好
                选项（都可以写成 --选项 值 或 --选项=值）：
                  --out 目录             PDF 输出目录（默认 out）
                  --xlsx                 （build）同时生成 Excel 表格：PDF 旁边同名的 .xlsx，每张表一个工作表，
                                         金额是数字（两位小数），与 PDF 中的数相同
                  --format 格式          提示的格式：human（默认，给人看）、json（每条提示一个对象）、
                                         sarif（SARIF 2.1.0，代码审查工具和编辑器读取）；json、sarif 写到标准输出
                  --report 文件          把提示写到这个文件（UTF-8，任何格式），不写到屏幕
                  --threads N            同时生成几个文件（默认等于 CPU 核数；也可用 -Dbudgetpdf.threads=N）
                  --pdfa                 生成的 PDF 同时符合 PDF/A-2u（长期存档；档案馆要求时用）
                  --html                 build 时在每个 PDF 旁边再写一个同名的网页（.html）：内容与 PDF 相同，
                                         一个文件、不联网、不含脚本，手机上也能读
                  --encoding 字符集      屏幕输出的字符集（默认：Windows 控制台用它的代码页，其他情况 UTF-8）
                  --version              显示版本
                  --help                 显示本说明

                退出码：0 成功（可以有警告）；1 数据有错误；2 命令用法不对。
                有错误的文件不会生成 PDF，也不会覆盖已有的 PDF；其他文件照常生成。
                """);
        if (l.kind() == Launcher.Kind.MAVEN) {
            sb.append("PowerShell 中请把 -Dexec.args 整个放进单引号：'-Dexec.args=check data/某文件.yaml'。\n");
        }
        return sb.toString();
    }
}
