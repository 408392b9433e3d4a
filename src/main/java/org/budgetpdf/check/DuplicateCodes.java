package org.budgetpdf.check;

import org.budgetpdf.diag.Diagnostics;
import org.budgetpdf.diag.SourcePos;
import org.budgetpdf.model.Disclosure;
import org.budgetpdf.model.Project;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * X08: a file copied for another department keeps codes that are not its own. Among the data files of one folder,
 * two files of one 文档 and 年度 with the same 部门.代码 are the same department twice; and a 项目编码 is one
 * department's (a project recurs across years, not across departments). Each is reported on the line of the code here.
 */
final class DuplicateCodes {
    private DuplicateCodes() {
    }

    /** A file larger than this is not read for its project codes (data files are a few dozen KB). */
    private static final long MAX_BYTES = 4L << 20;
    /** 编码: "410703250000000022001" in the 项目 part, in block or flow style. */
    private static final Pattern PROJECT_CODE = Pattern.compile("编码:\\s*[\"']?([0-9A-Za-z]{6,})");

    private record Codes(long modified, long size, Set<String> projects) {
    }

    private static final Map<Path, Codes> CACHE = new ConcurrentHashMap<>();

    static void check(Context ctx, Diagnostics x) {
        Disclosure d = ctx.doc();
        if (d.department() == null || ctx.source() == null || ctx.source().path() == null) return;
        Path here = ctx.source().path().toAbsolutePath().normalize();
        if (!Files.isRegularFile(here)) return;
        List<Path> siblings;
        try (Stream<Path> s = Files.list(here.getParent())) {
            siblings = s.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml") && !p.normalize().equals(here)
                    && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            return;
        }
        String code = d.department().code();
        List<String> twins = new ArrayList<>();
        Map<Project, List<String>> shared = new LinkedHashMap<>();
        for (Path p : siblings) {
            OtherFiles.Header h = OtherFiles.header(p);
            if (h == null) continue;
            boolean same = h.dept().equals(code);
            if (same && h.kind().equals(d.kind().label()) && h.year().equals(String.valueOf(d.year())) && !code.isEmpty()) {
                twins.add(p.getFileName().toString());
            }
            if (same) continue;
            Set<String> there = projectCodes(p);
            for (Project pr : d.projects()) {
                if (!pr.code().isEmpty() && there.contains(pr.code())) {
                    shared.computeIfAbsent(pr, k -> new ArrayList<>()).add(p.getFileName() + "（部门代码 " + h.dept() + "）");
                }
            }
        }
        // one warning per code however many files share it: the clerk's fix is the same for each
        shared.forEach((pr, files) -> x.warning("W-DUP-CODE", keyIn(ctx, pr.pos(), "编码"), "项目“" + pr.name() + "”的编码 "
                        + pr.code() + " 在同一文件夹的 " + names(files) + " 中也有",
                "项目编码属于一个部门：多半是从别的部门的文件复制来、没有改过的项目；照本部门的预算系统改正编码，或删去这个项目。"));
        if (!twins.isEmpty()) {
            x.warning("W-DUP-CODE", codePos(ctx), "同一文件夹的 " + names(twins) + " 也是部门代码 " + code + " 的" + d.year()
                            + "年" + d.kind().label(), "一个部门一年一个文件：多半是复制来的文件，改成本部门的代码和名称；"
                            + "若是同一份数据的副本，删去其中一个。");
        }
    }

    private static String names(List<String> files) {
        return files.size() <= 3 ? String.join("、", files) : String.join("、", files.subList(0, 3)) + " 等 " + files.size() + " 个文件";
    }

    private static SourcePos codePos(Context ctx) {
        SourcePos at = ctx.doc().department().pos();
        return at == null ? SourcePos.fileOnly(ctx.doc().file()) : keyIn(ctx, at, "代码");
    }

    /** The line of {@code key} in the mapping that starts at {@code block}, or the block itself. */
    static SourcePos keyIn(Context ctx, SourcePos block, String key) {
        if (block == null || block.line() < 1 || ctx.source() == null) return block;
        List<String> lines = ctx.source().lines();
        for (int i = block.line() - 1; i < lines.size(); i++) {
            String line = lines.get(i);
            int indent = 0;
            while (indent < line.length() && line.charAt(indent) == ' ') indent++;
            if (i > block.line() - 1 && indent < line.length() && indent < block.col() - 1) break;
            if (indent >= block.col() - 1 && line.startsWith(key + ":", indent)) {
                return new SourcePos(block.file(), i + 1, indent + 1);
            }
        }
        return block;
    }

    /** The project codes of a file: every 编码 in its top-level 项目 part. */
    static Set<String> projectCodes(Path p) {
        try {
            long modified = Files.getLastModifiedTime(p).toMillis();
            long size = Files.size(p);
            Codes c = CACHE.get(p);
            if (c != null && c.modified() == modified && c.size() == size) return c.projects();
            Set<String> out = new LinkedHashSet<>();
            if (size <= MAX_BYTES) {
                String text;
                try (InputStream in = Files.newInputStream(p)) {
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                boolean inProjects = false;
                for (String line : text.split("\n", -1)) {
                    if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0)) && !line.startsWith("#")
                            && !line.startsWith("-")) {
                        inProjects = line.startsWith("项目:");
                        continue;
                    }
                    if (!inProjects) continue;
                    Matcher m = PROJECT_CODE.matcher(line);
                    while (m.find()) out.add(m.group(1));
                }
            }
            if (CACHE.size() > 10_000) CACHE.clear();
            Set<String> codes = Set.copyOf(out);
            CACHE.put(p, new Codes(modified, size, codes));
            return codes;
        } catch (IOException | RuntimeException e) {
            return Set.of();
        }
    }
}
