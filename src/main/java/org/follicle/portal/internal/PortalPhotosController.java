package org.follicle.portal.internal;

import java.io.IOException;
import java.util.Map;

import org.follicle.diagnosis.PatientPhotos;
import org.follicle.intake.ConsentType;
import org.follicle.intake.PatientConsents;
import org.follicle.patients.PatientRegistry;
import org.follicle.patients.PatientView;
import org.follicle.system.BusinessRuleException;
import org.follicle.system.PageForms;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Photos the patient takes with their phone, one standard view at a time, guided by the outline of the view and
 * the distance; shown to the practitioner beside the clinic's photos, marked as the patient's.
 */
@Controller
class PortalPhotosController {

    /** Where each view's outline is drawn from. */
    static final Map<String, String> OUTLINES = Map.of("FRONT", "front", "TOP", "top", "VERTEX", "top", "LEFT",
            "side", "RIGHT", "side", "BACK", "back");

    private final PatientRegistry patients;

    private final PatientPhotos photos;

    private final PatientConsents consents;

    private final PageForms pages;

    PortalPhotosController(PatientRegistry patients, PatientPhotos photos, PatientConsents consents, PageForms pages) {
        this.patients = patients;
        this.photos = photos;
        this.consents = consents;
        this.pages = pages;
    }

    @GetMapping("/portal/photos")
    String photos(@AuthenticationPrincipal PortalPatient me, Model model) {
        PatientView patient = patients.readablePatient(me.patientId());
        model.addAttribute("consented", consents.isGiven(patient.id(), ConsentType.PHOTOGRAPHY));
        model.addAttribute("views", photos.patientViews());
        model.addAttribute("outlines", OUTLINES);
        model.addAttribute("sent", photos.of(patient.id()).stream().filter(p -> p.submittedByPatient()).toList());
        return "portal/photos";
    }

    @PostMapping("/portal/photos")
    String send(@AuthenticationPrincipal PortalPatient me, @RequestParam(required = false) String view,
            @RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect)
            throws IOException {
        PatientView patient = patients.readablePatient(me.patientId());
        byte[] bytes = file == null ? new byte[0] : file.getBytes();
        Map<String, String> errors = pages.attempt(() -> {
            try {
                photos.submitByPatient(patient.id(), view, bytes);
            }
            catch (BusinessRuleException e) {
                // The staff's wording asks them to get the consent signed; the patient is told what to do.
                throw "photo.noConsent".equals(e.messageKey()) ? new BusinessRuleException("portal.photos.noConsent")
                        : e;
            }
        });
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("flash", "portal.photos.sent");
        }
        else {
            redirect.addFlashAttribute("flashText", errors.values().iterator().next());
        }
        return "redirect:/portal/photos";
    }

    @GetMapping("/portal/photos/{photoId}")
    ResponseEntity<byte[]> thumbnail(@AuthenticationPrincipal PortalPatient me, @PathVariable long photoId) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG).cacheControl(CacheControl.noStore())
                .body(photos.thumbnailOfOwn(me.patientId(), photoId));
    }
}
