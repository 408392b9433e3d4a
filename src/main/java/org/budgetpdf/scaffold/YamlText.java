package org.budgetpdf.scaffold;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A data file as text in top-level blocks, so that a section can be replaced, added or removed while every other
 * line, comment and blank line stays as the clerk wrote it. A block is a top-level key's line, the comment lines
 * directly above it (no blank line between) and everything up to the next block; text before the first block is
 * the preamble (key null).
 */
final class YamlText {
    private static final Pattern TOP_KEY = Pattern.compile("^([^\\s#\\-][^:#]*?):(?:\\s|$)");

    record Block(String key, List<String> lines) {
        String text() {
            return String.join("\n", lines) + "\n";
        }
    }

    private final List<Block> blocks;

    private YamlText(List<Block> blocks) {
        this.blocks = blocks;
    }

    static YamlText parse(String text) {
        List<String> lines = text.lines().toList();
        List<Integer> starts = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = TOP_KEY.matcher(lines.get(i));
            if (!m.find()) continue;
            int start = i;
            while (start > 0 && lines.get(start - 1).startsWith("#") && (starts.isEmpty() || start - 1 > starts.get(starts.size() - 1))) start--;
            starts.add(start);
            keys.add(m.group(1).strip().replace("\"", ""));
        }
        List<Block> blocks = new ArrayList<>();
        int first = starts.isEmpty() ? lines.size() : starts.get(0);
        blocks.add(new Block(null, new ArrayList<>(lines.subList(0, first))));
        for (int b = 0; b < starts.size(); b++) {
            int end = b + 1 < starts.size() ? starts.get(b + 1) : lines.size();
            blocks.add(new Block(keys.get(b), new ArrayList<>(lines.subList(starts.get(b), end))));
        }
        return new YamlText(blocks);
    }

    Optional<Block> block(String key) {
        return blocks.stream().filter(b -> key.equals(b.key())).findFirst();
    }

    boolean has(String key) {
        return block(key).isPresent();
    }

    /** Replaces the block of {@code key} by {@code text} (a block's lines, with its own blank line at the end). */
    void replace(String key, String text) {
        for (int i = 0; i < blocks.size(); i++) {
            if (key.equals(blocks.get(i).key())) {
                blocks.set(i, new Block(key, new ArrayList<>(text.lines().toList())));
                return;
            }
        }
        throw new IllegalArgumentException("no block " + key);
    }

    /** Adds a block before the first of {@code before} present, else at the end. */
    void insert(String key, String text, List<String> before) {
        Block b = new Block(key, new ArrayList<>(text.lines().toList()));
        for (String k : before) {
            for (int i = 0; i < blocks.size(); i++) {
                if (k.equals(blocks.get(i).key())) {
                    blocks.add(i, b);
                    return;
                }
            }
        }
        Block last = blocks.get(blocks.size() - 1);
        if (!last.lines().isEmpty() && !last.lines().get(last.lines().size() - 1).isBlank()) last.lines().add("");
        blocks.add(b);
    }

    /** Removes the block of {@code key}; its leading comments go with it. */
    void remove(String key) {
        blocks.removeIf(b -> key.equals(b.key()));
    }

    List<String> keys() {
        return blocks.stream().map(Block::key).filter(k -> k != null).toList();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Block b : blocks) for (String l : b.lines()) sb.append(l).append('\n');
        return sb.toString();
    }
}
