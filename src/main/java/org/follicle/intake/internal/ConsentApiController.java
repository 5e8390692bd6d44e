package org.follicle.intake.internal;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.follicle.intake.ConsentType;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Consents on the JSON API. */
@RestController
@RequestMapping("/api/v1/patients/{patientId}/consents")
@Tag(name = "Consent")
class ConsentApiController {

    private final Consents consents;

    ConsentApiController(Consents consents) {
        this.consents = consents;
    }

    @GetMapping
    @Operation(summary = "The patient's consents, newest first, with withdrawals")
    List<Consents.ConsentView> consents(@PathVariable long patientId) {
        return consents.of(patientId);
    }

    @PostMapping
    @Operation(summary = "Record a consent signed on a device: typed name and drawn signature (PNG, at most 200 KB); "
            + "the caller is the witness")
    ResponseEntity<Consents.ConsentView> sign(@PathVariable long patientId, @Valid @RequestBody SignedConsent body) {
        Consents.ConsentView consent = consents.sign(patientId, body.type(), body.language(), body.signerName(),
                Signature.fromDataUrl(body.signaturePng()));
        return ResponseEntity.created(URI.create("/api/v1/patients/" + patientId + "/consents/" + consent.id() + "/pdf"))
                .body(consent);
    }

    @GetMapping(value = "/{consentId}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The signed consent as PDF")
    byte[] pdf(@PathVariable long patientId, @PathVariable long consentId) {
        return consents.pdf(patientId, consentId);
    }

    @PostMapping("/{consentId}/withdraw")
    @Operation(summary = "Record that the patient withdrew a consent, with the reason")
    Consents.ConsentView withdraw(@PathVariable long patientId, @PathVariable long consentId,
            @Valid @RequestBody Withdrawal body) {
        return consents.withdraw(patientId, consentId, body.reason());
    }

    record SignedConsent(@NotNull ConsentType type, @NotBlank String language,
            @NotBlank @Size(max = 200) String signerName,
            @Schema(description = "PNG image, base64 or a data:image/png;base64 URL") @NotBlank String signaturePng) {
    }

    record Withdrawal(@NotBlank @Size(max = 1000) String reason) {
    }
}
