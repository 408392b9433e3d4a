package org.budgetpdf.render;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Replaces a file so that readers see either the old or the complete new content, never a part. */
public final class AtomicFiles {
    private AtomicFiles() {
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
        // Same directory, so that the move stays within one file system and can be atomic.
        String suffix = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        Path tmp = abs.resolveSibling(abs.getFileName() + ".tmp-" + suffix);
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
        }
    }
}
