package org.follicle.system.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import org.follicle.system.BlobStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Blobs under {@code follicle.blobs.dir} (default {@code ./data/blobs}), as {@code ab/cd/abcd...}. A blob is
 * written to a temporary file and moved into place, so a crash never leaves half a file under its key.
 */
@Component
class FileSystemBlobStore implements BlobStore {

    private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");

    private final Path root;

    FileSystemBlobStore(@Value("${follicle.blobs.dir:${FOLLICLE_DATA_DIR:data}/blobs}") Path root) {
        this.root = root.toAbsolutePath();
    }

    @Override
    public String put(byte[] content) {
        String key = sha256(content);
        Path target = path(key);
        try {
            if (!Files.exists(target)) {
                Files.createDirectories(target.getParent());
                Path temporary = Files.createTempFile(target.getParent(), key, ".part");
                Files.write(temporary, content);
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            return key;
        }
        catch (IOException e) {
            throw new UncheckedIOException("Could not store a blob under " + root, e);
        }
    }

    @Override
    public Optional<byte[]> get(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            return Optional.empty();
        }
        Path file = path(key);
        try {
            return Files.exists(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path path(String key) {
        return root.resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
