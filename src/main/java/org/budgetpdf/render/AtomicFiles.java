package org.budgetpdf.render;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Replaces a file so that readers see either the old or the complete new content, never a part. The temporary file
 * ({@code <name>.tmp-<16 hex digits>} beside the target) is removed on failure, when the process is stopped (SIGTERM,
 * Ctrl-C: a shutdown hook), and, when the process was killed outright (kill -9, power loss), by the next write of the
 * same file once it is older than {@link #STALE}: no run takes that long to write one file.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** A temporary file of ours this old is left from a run that was killed. */
    static final Duration STALE = Duration.ofMinutes(10);
    private static final Pattern TEMP = Pattern.compile("\\.tmp-\\p{XDigit}{16}");
    /** Temporary files being written now, removed by the shutdown hook if the process is stopped. */
    private static final Set<Path> IN_FLIGHT = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (Path p : IN_FLIGHT) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // the next write of this file removes it once it is stale
                }
            }
        }, "budgetpdf-temp-cleanup"));
    }

    /** Produces the content of the new file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Same as {@link #write(Path, Content)} for content already in memory. */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /**
     * Writes the content to a temporary file beside {@code target}, forces it to disk, then
     * moves it over {@code target}. On any failure the temporary file is deleted and an existing
     * {@code target} is left as it was.
     */
    public static void write(Path target, Content content) throws IOException {
        Path abs = target.toAbsolutePath();
        removeStale(abs, Instant.now().minus(STALE));
        // Same directory, so that the move stays within one file system and can be atomic.
        String suffix = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        Path tmp = abs.resolveSibling(abs.getFileName() + ".tmp-" + suffix);
        IN_FLIGHT.add(tmp);
        try {
            // CREATE_NEW with default permissions (createTempFile would make the result 0600).
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(ch);
                content.writeTo(out);
                out.flush();
                ch.force(true);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        } finally {
            IN_FLIGHT.remove(tmp);
        }
    }

    /**
     * Deletes the temporary files of {@code target} (our name pattern exactly) last modified before {@code before}:
     * left by a run that was killed. Younger ones may belong to a run writing right now and are left alone.
     */
    static void removeStale(Path target, Instant before) {
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) return;
        String name = target.getFileName().toString();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, p -> {
            String n = p.getFileName().toString();
            return n.startsWith(name) && TEMP.matcher(n.substring(name.length())).matches();
        })) {
            for (Path p : s) {
                try {
                    if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                            && Files.getLastModifiedTime(p, java.nio.file.LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(before)) {
                        Files.deleteIfExists(p);
                    }
                } catch (IOException e) {
                    // not ours to remove after all (permissions): leave it
                }
            }
        } catch (IOException | RuntimeException e) {
            // cleaning up is a courtesy: the write itself does not depend on it
        }
    }
}
