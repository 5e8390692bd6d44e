package org.follicle.system;

import java.util.Optional;

/**
 * Where files (photos, thumbnails) are kept, addressed by the SHA-256 of their content: the same bytes are stored
 * once, and a key can be checked against what it names. The file system by default; object storage (S3) for
 * several nodes is a second implementation.
 */
public interface BlobStore {

    /** Stores the bytes and returns their key (hex SHA-256). */
    String put(byte[] content);

    Optional<byte[]> get(String key);
}
