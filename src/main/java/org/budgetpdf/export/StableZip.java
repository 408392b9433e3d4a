package org.budgetpdf.export;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A zip file (an .xlsx) written again with every entry dated {@code time} and compressed the same way: POI stamps each
 * entry with the clock, so the same workbook would differ from run to run. Entries keep their order and content.
 */
final class StableZip {
    private StableZip() {
    }

    static byte[] rewrite(byte[] zip, LocalDateTime time) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(zip.length + 1024);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
             ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.setLevel(Deflater.DEFAULT_COMPRESSION);
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                ZipEntry copy = new ZipEntry(e.getName());
                // local date and time as the DOS fields store them: no time zone, no extended timestamp field
                copy.setTimeLocal(time);
                copy.setMethod(ZipEntry.DEFLATED);
                out.putNextEntry(copy);
                in.transferTo(out);
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
