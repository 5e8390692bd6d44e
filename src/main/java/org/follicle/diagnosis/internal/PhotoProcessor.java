package org.follicle.diagnosis.internal;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import org.follicle.system.BusinessRuleException;
import org.follicle.system.ImageDecoding;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Turns an upload into a photo fit to keep: recognised by its bytes (JPEG, PNG or WebP, whatever its name),
 * refused above the size limit or when its pixel count would exhaust memory (a decompression bomb is measured
 * from its header, before decoding), turned upright from its EXIF orientation, and re-encoded, which leaves
 * every metadata block (EXIF, GPS, camera) behind. A thumbnail is made alongside.
 */
@Component
class PhotoProcessor {

    static final long MAX_PIXELS = 50_000_000L;

    static final int THUMBNAIL_WIDTH = 320;

    private final long maxBytes;

    PhotoProcessor(@Value("${follicle.photos.max-size:25MB}") DataSize maxSize) {
        this.maxBytes = maxSize.toBytes();
    }

    Processed process(byte[] upload) {
        if (upload.length == 0) {
            throw BusinessRuleException.onField("file", "photo.empty");
        }
        if (upload.length > maxBytes) {
            throw BusinessRuleException.onField("file", "photo.tooLarge", maxBytes / (1024 * 1024));
        }
        String format = format(upload);
        int orientation = orientation(upload);
        try {
            return ImageDecoding.shared().decode(upload, format, MAX_PIXELS, Integer.MAX_VALUE, decoded -> {
                BufferedImage image = upright(decoded, orientation);
                boolean png = format.equals("png");
                BufferedImage rgb = png ? image : withoutAlpha(image);
                return new Processed(encode(rgb, png ? "png" : "jpeg"), png ? "image/png" : "image/jpeg",
                        rgb.getWidth(), rgb.getHeight(), encode(thumbnail(withoutAlpha(image)), "jpeg"));
            });
        }
        catch (ImageDecoding.Refused refused) {
            throw refused.refusal() == ImageDecoding.Refusal.TOO_LARGE
                    ? BusinessRuleException.onField("file", "photo.tooManyPixels", MAX_PIXELS / 1_000_000)
                    : BusinessRuleException.onField("file", "photo.unreadable");
        }
    }

    /** The format by the file's first bytes: the name and the declared type can say anything. */
    static String format(byte[] b) {
        if (b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return "jpeg";
        }
        if (b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "png";
        }
        if (b.length > 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E'
                && b[10] == 'B' && b[11] == 'P') {
            return "webp";
        }
        throw BusinessRuleException.onField("file", "photo.notAnImage");
    }

    /** The EXIF orientation (1 upright), read before the metadata is dropped; none for PNG or on any doubt. */
    private static int orientation(byte[] upload) {
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(upload));
            ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            return exif != null && exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)
                    ? exif.getInt(ExifIFD0Directory.TAG_ORIENTATION) : 1;
        }
        catch (Exception e) {
            return 1;
        }
    }

    /** Applies EXIF orientations 2 to 8 (mirrors and quarter turns). */
    static BufferedImage upright(BufferedImage image, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swap = orientation >= 5;
        AffineTransform t = new AffineTransform();
        switch (orientation) {
            case 2 -> { t.translate(w, 0); t.scale(-1, 1); }
            case 3 -> { t.translate(w, h); t.rotate(Math.PI); }
            case 4 -> { t.translate(0, h); t.scale(1, -1); }
            case 5 -> { t.rotate(-Math.PI / 2); t.scale(-1, 1); }
            case 6 -> { t.translate(h, 0); t.rotate(Math.PI / 2); }
            case 7 -> { t.scale(-1, 1); t.translate(-h, 0); t.translate(0, w); t.rotate(3 * Math.PI / 2); }
            default -> { t.translate(0, w); t.rotate(3 * Math.PI / 2); }
        }
        BufferedImage turned = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = turned.createGraphics();
        g.drawImage(image, t, null);
        g.dispose();
        return turned;
    }

    private static BufferedImage withoutAlpha(BufferedImage image) {
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return rgb;
    }

    private static BufferedImage thumbnail(BufferedImage image) {
        int width = Math.min(THUMBNAIL_WIDTH, image.getWidth());
        int height = Math.max(1, (int) Math.round((double) image.getHeight() * width / image.getWidth()));
        BufferedImage small = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = small.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, width, height, null);
        g.dispose();
        return small;
    }

    private static byte[] encode(BufferedImage image, String format) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no " + format + " writer");
            }
            return out.toByteArray();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A photo ready to store: the re-encoded image, its type and size, and its thumbnail (JPEG). */
    record Processed(byte[] image, String contentType, int width, int height, byte[] thumbnail) {
    }
}
