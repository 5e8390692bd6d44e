package org.follicle.system;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes uploaded images within bounds. The size is read from the image's header and refused before anything is
 * decoded (a small file can declare 30,000 x 30,000 pixels and ask for gigabytes). Decoding then takes its pixels
 * from a budget shared by the whole application, half the heap at the bytes a pixel costs while a photo is
 * processed: six large photos at once take turns instead of exhausting the heap, and a request that waits too long
 * is answered "busy" rather than holding a thread for ever. Other requests never wait for it.
 */
public final class ImageDecoding {

    /** What decoding and processing cost a pixel at most: the decoded image, its RGB copy and its turned copy. */
    static final int BYTES_PER_PIXEL = 12;

    private static final ImageDecoding SHARED = new ImageDecoding(Runtime.getRuntime().maxMemory() / 2 / BYTES_PER_PIXEL);

    private static final long WAIT_SECONDS = 20;

    /** Why an image was refused; each caller says it in its own words. */
    public enum Refusal {
        NOT_READABLE, TOO_LARGE
    }

    /** An image refused before or while decoding. */
    public static final class Refused extends RuntimeException {

        private final Refusal refusal;

        Refused(Refusal refusal) {
            super(refusal.name(), null, false, false);
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }
    }

    private final long budgetPixels;

    /** Permits of one kilopixel each, so that a budget of billions of pixels still fits an int. */
    private final Semaphore budget;

    public ImageDecoding(long budgetPixels) {
        this.budgetPixels = Math.max(1_000, budgetPixels);
        this.budget = new Semaphore((int) Math.min(Integer.MAX_VALUE, this.budgetPixels / 1_000), true);
    }

    /** The application's decoder, sized from its heap. */
    public static ImageDecoding shared() {
        return SHARED;
    }

    /**
     * The image, decoded, if its header says it is a {@code format} image of at most {@code maxPixels} pixels and
     * {@code maxSide} pixels a side. The work done with it runs while its pixels are counted against the budget.
     */
    public <T> T decode(byte[] bytes, String format, long maxPixels, int maxSide, java.util.function.Function<BufferedImage, T> work) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) {
            throw new Refused(Refusal.NOT_READABLE);
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            long pixels = (long) width * height;
            if (width > maxSide || height > maxSide || pixels > maxPixels) {
                throw new Refused(Refusal.TOO_LARGE);
            }
            // An image above the whole budget still goes, alone.
            int permits = (int) Math.max(1, Math.min(Math.min(pixels, budgetPixels) / 1_000, Integer.MAX_VALUE));
            if (!budget.tryAcquire(permits, WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new BusyException();
            }
            try {
                return work.apply(reader.read(0));
            }
            finally {
                budget.release(permits);
            }
        }
        catch (IOException | IllegalArgumentException | IllegalStateException | IndexOutOfBoundsException
                | ArithmeticException | NegativeArraySizeException e) {
            throw new Refused(Refusal.NOT_READABLE);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BusyException();
        }
        finally {
            reader.dispose();
        }
    }

    /** Pixels being decoded or processed now, for tests. */
    long inFlightPixels() {
        return (budgetPixels / 1_000 - budget.availablePermits()) * 1_000;
    }
}
