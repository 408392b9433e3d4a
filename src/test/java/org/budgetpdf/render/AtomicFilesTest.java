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
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /** Issue 15 §4: temp files left by a killed run are removed by the next write; a fresh one (a run writing now) is not. */
    @Test
    void staleTempFilesOfOursAreRemovedByTheNextWrite() throws IOException {
        Path target = dir.resolve("x.pdf");
        Path stale = dir.resolve("x.pdf.tmp-0123456789abcdef");
        Path fresh = dir.resolve("x.pdf.tmp-fedcba9876543210");
        Path notOurs = dir.resolve("x.pdf.tmp-notours");
        Path otherFile = dir.resolve("y.pdf.tmp-0123456789abcdef");
        for (Path p : List.of(stale, fresh, notOurs, otherFile)) Files.writeString(p, "partial");
        java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.from(java.time.Instant.now().minus(java.time.Duration.ofHours(1)));
        for (Path p : List.of(stale, notOurs, otherFile)) Files.setLastModifiedTime(p, old);
        AtomicFiles.write(target, bytes("new"));
        assertEquals(List.of(target, fresh, notOurs, otherFile), listing());
    }

    /** Issue 15 §4: SIGTERM while a PDF is being written leaves neither a temp file nor a changed PDF. */
    @Test
    void aStoppedProcessLeavesNoTempFile() throws Exception {
        Path target = dir.resolve("x.pdf");
        Files.writeString(target, "old");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), SlowWriter.class.getName(), target.toString())
                .redirectErrorStream(true).start();
        try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("writing", out.readLine());
            assertEquals(2, listing().size(), "the temp file exists while writing: " + listing());
            p.destroy(); // SIGTERM
            assertTrue(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS));
        } finally {
            p.destroyForcibly();
        }
        assertEquals(List.of(target), listing());
        assertEquals("old", Files.readString(target));
    }

    /** Writes half a file, says so, and waits to be stopped. */
    public static final class SlowWriter {
        public static void main(String[] args) throws Exception {
            AtomicFiles.write(Path.of(args[0]), out -> {
                out.write(bytes("half"));
                out.flush();
                System.out.println("writing");
                System.out.flush();
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
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
