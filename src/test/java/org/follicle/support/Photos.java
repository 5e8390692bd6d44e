package org.follicle.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import javax.imageio.ImageIO;

/** Images for photo tests: a JPEG with EXIF orientation and GPS, a decompression bomb, a renamed text file. */
public final class Photos {

    private Photos() {
    }

    /** A 400×200 JPEG whose EXIF says "rotate 90° clockwise" (orientation 6) and carries a GPS tag. */
    public static byte[] jpegWithExif() {
        BufferedImage image = new BufferedImage(400, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(120, 90, 60));
        g.fillRect(0, 0, 400, 200);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 50, 50);
        g.dispose();
        byte[] jpeg = encode(image, "jpeg");
        byte[] exif = exifSegment();
        byte[] out = new byte[jpeg.length + exif.length];
        out[0] = jpeg[0];
        out[1] = jpeg[1];
        System.arraycopy(exif, 0, out, 2, exif.length);
        System.arraycopy(jpeg, 2, out, 2 + exif.length, jpeg.length - 2);
        return out;
    }

    /** A PNG of 8000×8000 pixels (64 million) that compresses to almost nothing. */
    public static byte[] decompressionBomb() {
        return encode(new BufferedImage(8000, 8000, BufferedImage.TYPE_BYTE_BINARY), "png");
    }

    /**
     * A real PNG of {@code side} x {@code side} black-and-white pixels, all white: it compresses about a thousand
     * to one (30,000 a side is some 110 KB declaring 900 million pixels), and is written row by row, never held
     * decoded.
     */
    public static byte[] gigapixelPng(int side) {
        try {
            java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
            png.write(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' });
            chunk(png, "IHDR", ByteBuffer.allocate(13).putInt(side).putInt(side).put((byte) 1).put((byte) 0)
                    .put((byte) 0).put((byte) 0).put((byte) 0).array());
            java.io.ByteArrayOutputStream idat = new java.io.ByteArrayOutputStream();
            try (var deflate = new java.util.zip.DeflaterOutputStream(idat,
                    new java.util.zip.Deflater(java.util.zip.Deflater.BEST_COMPRESSION))) {
                byte[] row = new byte[1 + (side + 7) / 8];
                java.util.Arrays.fill(row, (byte) 0xff);
                row[0] = 0;
                for (int y = 0; y < side; y++) {
                    deflate.write(row);
                }
            }
            chunk(png, "IDAT", idat.toByteArray());
            chunk(png, "IEND", new byte[0]);
            return png.toByteArray();
        }
        catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void chunk(java.io.ByteArrayOutputStream png, String type, byte[] data) throws java.io.IOException {
        byte[] name = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        png.write(ByteBuffer.allocate(4).putInt(data.length).array());
        png.write(name);
        png.write(data);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(name);
        crc.update(data);
        png.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    public static byte[] png() {
        BufferedImage image = new BufferedImage(300, 300, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.DARK_GRAY);
        g.fillOval(20, 20, 260, 260);
        g.dispose();
        return encode(image, "png");
    }

    /** APP1 "Exif" with IFD0: Orientation = 6 and a GPS IFD pointer (to an empty GPS IFD). */
    private static byte[] exifSegment() {
        ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 2 * 12 + 4 + 2 + 4).order(ByteOrder.LITTLE_ENDIAN);
        tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) 6).putShort((short) 0);
        int gpsOffset = 8 + 2 + 2 * 12 + 4;
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(gpsOffset);
        tiff.putInt(0);
        tiff.putShort((short) 0).putInt(0);
        byte[] body = tiff.array();
        byte[] header = { 'E', 'x', 'i', 'f', 0, 0 };
        int length = 2 + header.length + body.length;
        ByteBuffer segment = ByteBuffer.allocate(2 + length).order(ByteOrder.BIG_ENDIAN);
        segment.put((byte) 0xff).put((byte) 0xe1).putShort((short) length).put(header).put(body);
        return segment.array();
    }

    private static byte[] encode(BufferedImage image, String format) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, format, out);
            return out.toByteArray();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
