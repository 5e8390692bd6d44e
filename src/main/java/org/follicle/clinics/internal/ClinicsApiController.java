package org.follicle.clinics.internal;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.follicle.clinics.ClinicView;
import org.follicle.clinics.RoomView;
import org.follicle.system.ETags;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Clinics and rooms on the JSON API. Updates need the ETag they read in If-Match. */
@RestController
@RequestMapping("/api/v1/clinics")
@Tag(name = "Clinics")
class ClinicsApiController {

    private final ClinicAdministration clinics;

    ClinicsApiController(ClinicAdministration clinics) {
        this.clinics = clinics;
    }

    @GetMapping
    @Operation(summary = "The clinics where the caller has a role")
    List<ClinicView> myClinics() {
        return clinics.myClinics();
    }

    @GetMapping("/{clinicId}")
    @Operation(summary = "One clinic; its ETag goes back in If-Match to update it")
    ResponseEntity<ClinicView> clinic(@PathVariable long clinicId) {
        ClinicView clinic = clinics.clinic(clinicId);
        return ResponseEntity.ok().eTag(ETags.of(clinic.version())).body(clinic);
    }

    @PutMapping("/{clinicId}")
    @Operation(summary = "Rename a clinic or change its time zone (clinic admins; If-Match required)")
    ResponseEntity<ClinicView> update(@PathVariable long clinicId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody ClinicChange change) {
        // Visibility first: a stale or missing ETag must not reveal another clinic's existence.
        clinics.clinic(clinicId);
        int version = ETags.requireVersion(ifMatch, ClinicAdministration.CLINIC, clinicId);
        ClinicView clinic = clinics.update(clinicId, change.name(), change.timeZone(), version);
        return ResponseEntity.ok().eTag(ETags.of(clinic.version())).body(clinic);
    }

    @GetMapping("/{clinicId}/rooms")
    @Operation(summary = "The clinic's treatment rooms")
    List<RoomView> rooms(@PathVariable long clinicId) {
        return clinics.rooms(clinicId);
    }

    @PostMapping("/{clinicId}/rooms")
    @Operation(summary = "Add a treatment room (clinic admins)")
    ResponseEntity<RoomView> addRoom(@PathVariable long clinicId, @Valid @RequestBody NewRoom room) {
        RoomView created = clinics.addRoom(clinicId, room.name());
        return ResponseEntity.created(URI.create("/api/v1/clinics/" + clinicId + "/rooms/" + created.id()))
                .body(created);
    }

    record ClinicChange(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 64) String timeZone) {
    }

    record NewRoom(@NotBlank @Size(max = 100) String name) {
    }
}
