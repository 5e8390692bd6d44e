package org.follicle.diagnosis.internal;

import java.io.IOException;
import java.time.LocalDate;

import org.follicle.patients.PatientRegistry;
import org.follicle.system.BusinessRuleException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Photo upload from the chart, image display (audited), and the side-by-side comparison of one view. */
@Controller
class PhotoController {

    private final PhotoRecords photos;

    private final PatientRegistry patients;

    PhotoController(PhotoRecords photos, PatientRegistry patients) {
        this.photos = photos;
        this.patients = patients;
    }

    @PostMapping("/patients/{patientId}/photos")
    String upload(@PathVariable long patientId, @RequestParam PhotoRecords.View view,
            @RequestParam(required = false) String site,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate takenOn,
            @RequestParam("file") MultipartFile file, RedirectAttributes redirect) throws IOException {
        try {
            photos.upload(patientId, view, site, takenOn, file.getBytes());
            redirect.addFlashAttribute("flash", "photo.uploaded");
        }
        catch (BusinessRuleException e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
            redirect.addFlashAttribute("flashErrorArgs", e.arguments());
        }
        return "redirect:/patients/" + patientId + "#photos";
    }

    @GetMapping("/patients/{patientId}/photos/{photoId}/image")
    ResponseEntity<byte[]> image(@PathVariable long patientId, @PathVariable long photoId,
            @RequestParam(defaultValue = "false") boolean thumbnail) {
        PhotoRecords.Image image = photos.image(patientId, photoId, thumbnail);
        // Private: a shared cache must never keep a patient's photo.
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(image.contentType()))
                .cacheControl(CacheControl.noStore()).body(image.bytes());
    }

    @GetMapping("/patients/{patientId}/photos/compare")
    String compare(@PathVariable long patientId, @RequestParam long before, @RequestParam long after, Model model) {
        model.addAttribute("patient", patients.readablePatient(patientId));
        PhotoRecords.PhotoView first = photos.photo(patientId, before);
        PhotoRecords.PhotoView second = photos.photo(patientId, after);
        // Earlier on the left, whichever order they were picked in.
        boolean swap = first.takenOn().isAfter(second.takenOn());
        model.addAttribute("before", swap ? second : first);
        model.addAttribute("after", swap ? first : second);
        return "diagnosis/compare";
    }
}
