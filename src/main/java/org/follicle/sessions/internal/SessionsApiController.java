package org.follicle.sessions.internal;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.follicle.formulary.OfferedLot;
import org.follicle.formulary.UsableLot;
import org.follicle.system.ETags;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Sessions on the JSON API: start from an appointment, chart, sign, addenda. */
@RestController
@Validated
@Tag(name = "Sessions")
class SessionsApiController {

    private final Sessions sessions;

    SessionsApiController(Sessions sessions) {
        this.sessions = sessions;
    }

    @PostMapping("/api/v1/sessions")
    @Operation(summary = "Start the session of an appointment (practitioners) with the pre-check: the answers become "
            + "a new version of the intake and the patient is screened again, with the formula; a deferral or an "
            + "exclusion stops it unless overrideReason is given (audited); a valid consent is required. Sent "
            + "again for the same appointment, returns the session already started (200)")
    ResponseEntity<SessionJson> start(@Valid @RequestBody SessionInputs.Start body) {
        Sessions.Started started = sessions.start(body, sessions.recordPrecheck(body));
        TreatmentSession session = started.session();
        return ResponseEntity.status(started.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/v1/sessions/" + session.id())).eTag(ETags.of(session.version()))
                .body(SessionJson.of(session, List.of(), List.of()));
    }

    @GetMapping("/api/v1/sessions/{id}")
    @Operation(summary = "A session with its chart, warnings and addenda; its ETag goes in If-Match")
    ResponseEntity<SessionJson> session(@PathVariable long id) {
        TreatmentSession session = sessions.visible(id);
        return ResponseEntity.ok().eTag(ETags.of(session.version())).body(SessionJson.of(session, List.of(),
                sessions.addenda(id)));
    }

    @PutMapping("/api/v1/sessions/{id}")
    @Operation(summary = "Save the chart of an open session (If-Match): technique, needle, depth (a warning above "
            + "4 mm), anaesthetic (a warning for a large area or occlusion), zones of the scalp map with points and "
            + "volume, duration, pain, reactions, lots, PRP preparation. A signed session is locked")
    ResponseEntity<SessionJson> chart(@PathVariable long id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody SessionInputs.Chart body) {
        Sessions.Charted charted = sessions.chart(id, ETags.requireVersion(ifMatch, Sessions.SESSION, id), body);
        return ResponseEntity.ok().eTag(ETags.of(charted.session().version()))
                .body(SessionJson.of(charted.session(), charted.warnings(), List.of()));
    }

    @GetMapping("/api/v1/sessions/{id}/lots")
    @Operation(summary = "The lots the session may pick from, first expiry first, each checked against the patient: "
            + "allowed false, with the findings, for a product an ingredient's rule excludes or still defers, a product "
            + "or ingredient named among the patient's allergies, or an ingredient suspended where the clinic is. An "
            + "override given when the session started covers the findings it was given for. Signing refuses a lot "
            + "that is not allowed")
    List<LotJson> lots(@PathVariable long id) {
        return sessions.offeredLots(sessions.visible(id)).stream().map(LotJson::of).toList();
    }

    @PostMapping("/api/v1/sessions/{id}/sign")
    @Operation(summary = "Sign the session (If-Match): the lots are used once (expired lots and missing stock "
            + "refused), the appointment is attended, the record is locked")
    ResponseEntity<SessionJson> sign(@PathVariable long id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        TreatmentSession session = sessions.sign(id, ETags.requireVersion(ifMatch, Sessions.SESSION, id));
        return ResponseEntity.ok().eTag(ETags.of(session.version())).body(SessionJson.of(session, List.of(),
                List.of()));
    }

    @PostMapping("/api/v1/sessions/{id}/addenda")
    @Operation(summary = "Correct a signed session with an addendum: the text and the reason, with author and time")
    ResponseEntity<List<SessionStore.Addendum>> addendum(@PathVariable long id,
            @Valid @RequestBody SessionInputs.Addendum body) {
        sessions.addendum(id, body);
        return ResponseEntity.status(HttpStatus.CREATED).body(sessions.addenda(id));
    }

    @GetMapping(value = "/api/v1/sessions/{id}/aftercare.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The session's aftercare sheet as a PDF, in the patient's language")
    ResponseEntity<byte[]> aftercare(@PathVariable long id) {
        return pdf(id, sessions.aftercareSheet(id));
    }

    static ResponseEntity<byte[]> pdf(long id, byte[] body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"aftercare-" + id + ".pdf\"").body(body);
    }

    @GetMapping("/api/v1/patients/{patientId}/sessions")
    @Operation(summary = "The patient's sessions, newest first")
    List<SessionJson> ofPatient(@PathVariable long patientId) {
        return sessions.ofPatient(patientId).stream().map(s -> SessionJson.of(s, List.of(), List.of())).toList();
    }

    /** A lot offered to a session, with why the patient may not receive it. */
    record LotJson(long lotId, long productId, String productName, String lotNumber, java.time.LocalDate expiry,
            int available, boolean allowed, List<RefusalJson> refusals) {

        static LotJson of(OfferedLot offered) {
            UsableLot l = offered.lot();
            java.util.Locale locale = LocaleContextHolder.getLocale();
            return new LotJson(l.lotId(), l.productId(), l.productName(), l.lotNumber(), l.expiry(), l.available(),
                    offered.allowed(), offered.refusals().stream().map(f -> new RefusalJson(f.ruleId(),
                            f.ruleClass().name(), f.message(locale), f.source())).toList());
        }
    }

    record RefusalJson(String ruleId, String ruleClass, String message, String source) {
    }

    /** A session with the totals of its scalp map, the chart's warnings and the addenda. */
    record SessionJson(TreatmentSession session, int totalPoints, java.math.BigDecimal totalVolumeMl,
            List<String> warnings, List<SessionStore.Addendum> addenda) {

        static SessionJson of(TreatmentSession session, List<String> warnings,
                List<SessionStore.Addendum> addenda) {
            int points = 0;
            java.math.BigDecimal volume = java.math.BigDecimal.ZERO;
            if (session.chart() != null && session.chart().zones() != null) {
                for (SessionInputs.Zone zone : session.chart().zones()) {
                    points += zone.points();
                    volume = volume.add(zone.volumeMl());
                }
            }
            return new SessionJson(session, points, volume, warnings, addenda);
        }
    }
}
