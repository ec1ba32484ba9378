package io.plinth.filestorage.files;

import io.plinth.kernel.problem.Problem;
import io.plinth.kernel.problem.ProblemException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The bytes of an uploaded file and their SHA-256, read with a hard size limit. */
public record Upload(byte[] bytes, String sha256) {

    private static final int BUFFER_BYTES = 64 * 1024;

    /**
     * Reads the body, hashing as it goes. It stops after {@code maxBytes + 1} bytes: one byte
     * over the limit proves the file too large, so an oversize body is never held in memory.
     */
    public static Upload read(InputStream body, int maxBytes) {
        MessageDigest digest = sha256Digest();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.min(maxBytes, BUFFER_BYTES));
        byte[] buffer = new byte[BUFFER_BYTES];
        long total = 0;
        try {
            int read;
            while ((read = body.read(buffer, 0, (int) Math.min(buffer.length, maxBytes + 1L - total))) > 0) {
                total += read;
                if (total > maxBytes) {
                    throw tooLarge(maxBytes);
                }
                digest.update(buffer, 0, read);
                bytes.write(buffer, 0, read);
            }
        } catch (IOException e) {
            throw new ProblemException(Problem.of(400, "upload-interrupted", "The upload could not be read",
                    "The request body ended early or could not be read"));
        }
        return new Upload(bytes.toByteArray(), HexFormat.of().formatHex(digest.digest()));
    }

    public static ProblemException tooLarge(int maxBytes) {
        return new ProblemException(Problem.of(413, "file-too-large", "The file is too large",
                "Files may be at most " + maxBytes + " bytes"));
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }
}
