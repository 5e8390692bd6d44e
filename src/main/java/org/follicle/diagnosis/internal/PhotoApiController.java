package org.follicle.diagnosis.internal;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Photos on the JSON API: multipart upload, list, and image download (audited). */
@RestController
@RequestMapping("/api/v1/patients/{patientId}/photos")
@Tag(name = "Diagnosis")
class PhotoApiController {

    private final PhotoRecords photos;

    PhotoApiController(PhotoRecords photos) {
        this.photos = photos;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a standard photo (JPEG, PNG or WebP, checked by content; metadata removed); needs "
            + "the patient's photography consent")
    ResponseEntity<PhotoRecords.PhotoView> upload(@PathVariable long patientId, @RequestParam PhotoRecords.View view,
            @RequestParam(required = false) String site,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate takenOn,
            @RequestPart("file") MultipartFile file) throws IOException {
        PhotoRecords.PhotoView photo = photos.upload(patientId, view, site, takenOn, file.getBytes());
        return ResponseEntity.created(URI.create("/api/v1/patients/" + patientId + "/photos/" + photo.id()))
                .body(photo);
    }

    @GetMapping
    @Operation(summary = "The patient's photos (records only)")
    List<PhotoRecords.PhotoView> photos(@PathVariable long patientId) {
        return photos.list(patientId);
    }

    @GetMapping("/{photoId}")
    @Operation(summary = "Download a photo (or its thumbnail); every download is audited")
    ResponseEntity<byte[]> image(@PathVariable long patientId, @PathVariable long photoId,
            @RequestParam(defaultValue = "false") boolean thumbnail) {
        PhotoRecords.Image image = photos.image(patientId, photoId, thumbnail);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(image.contentType()))
                .cacheControl(CacheControl.noStore()).body(image.bytes());
    }
}
