package org.follicle.system;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.follicle.support.Photos;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageDecodingTests {

    @Test
    void aSmallFileDeclaringAGigapixelIsRefusedFromItsHeader() {
        byte[] bomb = Photos.gigapixelPng(30_000);
        assertThat(bomb.length).isLessThan(200_000);
        ImageDecoding decoding = new ImageDecoding(100_000_000);
        // Refused whatever the limit that applies: a signature's side, a photo's pixel count.
        assertThatThrownBy(() -> decoding.decode(bomb, "png", 4_000_000, 2_000, BufferedImage::getWidth))
                .isInstanceOfSatisfying(ImageDecoding.Refused.class,
                        refused -> assertThat(refused.refusal()).isEqualTo(ImageDecoding.Refusal.TOO_LARGE));
        assertThatThrownBy(() -> decoding.decode(bomb, "png", 50_000_000, Integer.MAX_VALUE, BufferedImage::getWidth))
                .isInstanceOf(ImageDecoding.Refused.class);
        assertThat(decoding.inFlightPixels()).isZero();
    }

    @Test
    void imagesDecodedAtOnceStayWithinThePixelBudget() throws Exception {
        byte[] fourMegapixels = Photos.gigapixelPng(2_000);
        ImageDecoding decoding = new ImageDecoding(10_000_000);
        AtomicLong most = new AtomicLong();
        ExecutorService six = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> decoded = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                decoded.add(six.submit(() -> decoding.decode(fourMegapixels, "png", 50_000_000, Integer.MAX_VALUE,
                        image -> {
                            most.accumulateAndGet(decoding.inFlightPixels(), Math::max);
                            sleep();
                            return image.getWidth();
                        })));
            }
            for (Future<Integer> width : decoded) {
                assertThat(width.get()).isEqualTo(2_000);
            }
        }
        finally {
            six.shutdown();
        }
        assertThat(most.get()).as("pixels decoded at once").isLessThanOrEqualTo(10_000_000).isGreaterThan(0);
        assertThat(decoding.inFlightPixels()).isZero();
    }

    @Test
    void somethingThatIsNotAnImageIsRefusedAsUnreadable() {
        assertThatThrownBy(() -> new ImageDecoding(1_000_000).decode("not a png".getBytes(), "png", 1_000, 1_000,
                BufferedImage::getWidth)).isInstanceOfSatisfying(ImageDecoding.Refused.class,
                        refused -> assertThat(refused.refusal()).isEqualTo(ImageDecoding.Refusal.NOT_READABLE));
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
