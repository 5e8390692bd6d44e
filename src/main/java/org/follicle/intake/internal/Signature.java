package org.follicle.intake.internal;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Base64;

import org.follicle.system.BusinessRuleException;
import org.follicle.system.ImageDecoding;

/**
 * A drawn signature, checked by its content: a real PNG (by its bytes, whatever it claims to be), at most
 * {@value #MAX_BYTES} bytes and {@value #MAX_SIDE} pixels a side, with ink on it.
 */
record Signature(byte[] png) {

    static final int MAX_BYTES = 200 * 1024;

    static final int MAX_SIDE = 2000;

    private static final byte[] PNG_MAGIC = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

    /** From a {@code data:image/png;base64,...} URL, as the signature pad sends it, or bare base64. */
    static Signature fromDataUrl(String dataUrl) {
        if (dataUrl == null || dataUrl.isBlank()) {
            throw BusinessRuleException.onField("signature", "consent.signatureRequired");
        }
        String base64 = dataUrl.startsWith("data:") ? dataUrl.substring(dataUrl.indexOf(',') + 1) : dataUrl;
        if (base64.length() > MAX_BYTES * 4 / 3 + 4) {
            throw BusinessRuleException.onField("signature", "consent.signatureTooLarge", MAX_BYTES / 1024);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        }
        catch (IllegalArgumentException e) {
            throw BusinessRuleException.onField("signature", "consent.signatureInvalid");
        }
        return of(bytes);
    }

    static Signature of(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw BusinessRuleException.onField("signature", "consent.signatureTooLarge", MAX_BYTES / 1024);
        }
        if (bytes.length < PNG_MAGIC.length || !Arrays.equals(Arrays.copyOf(bytes, PNG_MAGIC.length), PNG_MAGIC)) {
            throw BusinessRuleException.onField("signature", "consent.signatureInvalid");
        }
        boolean inked;
        try {
            // The size from the header, before decoding: a few kilobytes can declare a gigapixel.
            inked = ImageDecoding.shared().decode(bytes, "png", (long) MAX_SIDE * MAX_SIDE, MAX_SIDE,
                    Signature::hasInk);
        }
        catch (ImageDecoding.Refused refused) {
            throw BusinessRuleException.onField("signature", "consent.signatureInvalid");
        }
        if (!inked) {
            throw BusinessRuleException.onField("signature", "consent.signatureRequired");
        }
        return new Signature(bytes);
    }

    /** Whether anything was drawn: some pixel neither transparent nor white. */
    private static boolean hasInk(BufferedImage image) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int argb = image.getRGB(x, y);
                boolean transparent = (argb >>> 24) < 16;
                boolean white = (argb & 0xffffff) > 0xf0f0f0;
                if (!transparent && !white) {
                    return true;
                }
            }
        }
        return false;
    }

    String dataUrl() {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
    }
}
