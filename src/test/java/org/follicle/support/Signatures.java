package org.follicle.support;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

import javax.imageio.ImageIO;

/** Signature images for consent tests: drawn, blank, or not a PNG at all. */
public final class Signatures {

    private Signatures() {
    }

    public static String drawn() {
        BufferedImage image = new BufferedImage(400, 150, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(3));
        g.drawLine(20, 100, 120, 40);
        g.drawLine(120, 40, 220, 110);
        g.drawLine(220, 110, 380, 30);
        g.dispose();
        return dataUrl(image, "png");
    }

    public static String blank() {
        return dataUrl(new BufferedImage(400, 150, BufferedImage.TYPE_INT_ARGB), "png");
    }

    public static String jpeg() {
        BufferedImage image = new BufferedImage(100, 50, BufferedImage.TYPE_INT_RGB);
        return dataUrl(image, "jpg");
    }

    /** A PNG over 200 KB (but under the API's 1 MB body limit): random pixels do not compress. */
    public static String oversized() {
        BufferedImage image = new BufferedImage(300, 250, BufferedImage.TYPE_INT_ARGB);
        java.util.Random random = new java.util.Random(7);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, random.nextInt() | 0xff000000);
            }
        }
        return dataUrl(image, "png");
    }

    private static String dataUrl(BufferedImage image, String format) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, format, out);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
