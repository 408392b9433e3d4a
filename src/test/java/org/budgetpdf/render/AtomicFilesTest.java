package org.budgetpdf.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void createsAndReplaces() throws IOException {
        Path target = dir.resolve("预算.pdf");
        AtomicFiles.write(target, bytes("first"));
        assertEquals("first", Files.readString(target));
        AtomicFiles.write(target, bytes("second"));
        assertEquals("second", Files.readString(target));
        assertEquals(List.of(target), listing());
    }

    @Test
    void failureWhileWritingLeavesTheOldFileAndNoTempFile() throws IOException {
        Path target = dir.resolve("预算.pdf");
        Files.writeString(target, "old");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write(bytes("half of the new con"));
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertEquals("old", Files.readString(target));
        assertEquals(List.of(target), listing());
    }

    @Test
    void runtimeFailureAlsoCleansUp() throws IOException {
        Path target = dir.resolve("a.pdf");
        assertThrows(IllegalStateException.class, () -> AtomicFiles.write(target, out -> {
            throw new IllegalStateException("boom");
        }));
        assertEquals(List.of(), listing());
    }

    @Test
    void failureWhenMovingLeavesNoTempFile() throws IOException {
        // A non-empty directory cannot be replaced by a file: the move fails.
        Path target = dir.resolve("occupied");
        Files.createDirectory(target);
        Files.writeString(target.resolve("keep.txt"), "kept");
        assertThrows(IOException.class, () -> AtomicFiles.write(target, bytes("new")));
        assertEquals(List.of(target), listing());
        assertEquals("kept", Files.readString(target.resolve("keep.txt")));
    }

    private List<Path> listing() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
