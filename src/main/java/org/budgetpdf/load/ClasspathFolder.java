package org.budgetpdf.load;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** A folder of the class path as a {@link Path}: inside the jar (a zip file system) or under target/classes. */
public final class ClasspathFolder {
    private ClasspathFolder() {
    }

    /** @param resource an absolute resource name such as {@code /catalog}; empty when it is not on the class path */
    public static Optional<Path> of(String resource) {
        URL url = ClasspathFolder.class.getResource(resource);
        if (url == null) return Optional.empty();
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.getFileSystem(uri);
                } catch (FileSystemNotFoundException e) {
                    try {
                        fs = FileSystems.newFileSystem(uri, Map.of());
                    } catch (FileSystemAlreadyExistsException raced) {
                        fs = FileSystems.getFileSystem(uri);
                    }
                }
                return Optional.of(fs.provider().getPath(uri));
            }
            return Optional.of(Path.of(uri));
        } catch (URISyntaxException | IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
