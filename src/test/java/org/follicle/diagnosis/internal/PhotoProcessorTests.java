package org.follicle.diagnosis.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

import org.follicle.support.Photos;
import org.follicle.system.BusinessRuleException;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhotoProcessorTests {

    private final PhotoProcessor processor = new PhotoProcessor(DataSize.ofMegabytes(25));

    @Test
    void turnsThePhotoUprightAndDropsItsMetadata() throws Exception {
        byte[] upload = Photos.jpegWithExif();
        assertThat(new String(upload, StandardCharsets.ISO_8859_1)).contains("Exif");
        PhotoProcessor.Processed photo = processor.process(upload);
        assertThat(photo.contentType()).isEqualTo("image/jpeg");
        assertThat(photo.width()).isEqualTo(200);
        assertThat(photo.height()).isEqualTo(400);
        assertThat(new String(photo.image(), StandardCharsets.ISO_8859_1)).doesNotContain("Exif");
        assertThat(ImageIO.read(new ByteArrayInputStream(photo.thumbnail())).getWidth()).isEqualTo(200);
    }

    @Test
    void keepsAPngAsPngWithAThumbnail() throws Exception {
        PhotoProcessor.Processed photo = processor.process(Photos.png());
        assertThat(photo.contentType()).isEqualTo("image/png");
        assertThat(ImageIO.read(new ByteArrayInputStream(photo.thumbnail())).getWidth()).isEqualTo(300);
    }

    @Test
    void refusesATextFileWhateverItsName() {
        assertThatThrownBy(() -> processor.process("not a photo at all".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(BusinessRuleException.class).hasMessage("photo.notAnImage");
    }

    @Test
    void refusesADecompressionBombBeforeDecodingIt() {
        byte[] bomb = Photos.decompressionBomb();
        assertThat(bomb.length).isLessThan(200_000);
        assertThatThrownBy(() -> processor.process(bomb)).hasMessage("photo.tooManyPixels");
    }

    @Test
    void refusesAFileOverTheSizeLimitAndAnEmptyOne() {
        PhotoProcessor small = new PhotoProcessor(DataSize.ofKilobytes(1));
        assertThatThrownBy(() -> small.process(Photos.png())).hasMessage("photo.tooLarge");
        assertThatThrownBy(() -> processor.process(new byte[0])).hasMessage("photo.empty");
    }

    @Test
    void refusesATruncatedImage() {
        byte[] png = Photos.png();
        byte[] truncated = java.util.Arrays.copyOf(png, 60);
        assertThatThrownBy(() -> processor.process(truncated)).hasMessage("photo.unreadable");
    }
}
