package org.follicle.sessions.internal;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.follicle.system.ETags;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Adverse events on the JSON API. */
@RestController
@Validated
@Tag(name = "Adverse events")
class AdverseEventsApiController {

    private final AdverseEvents events;

    AdverseEventsApiController(AdverseEvents events) {
        this.events = events;
    }

    @PostMapping("/api/v1/adverse-events")
    @Operation(summary = "Record an adverse event of a patient, related to a session (and so to its lots) or not")
    ResponseEntity<EventJson> record(@Valid @RequestBody AdverseEvents.Input body) {
        AdverseEvents.Event e = events.record(body);
        return ResponseEntity.created(URI.create("/api/v1/adverse-events/" + e.id())).eTag(ETags.of(e.version()))
                .body(json(e));
    }

    @GetMapping("/api/v1/adverse-events")
    @Operation(summary = "A clinic's adverse events, newest first; filter by severity, kind, outcome, onset dates, "
            + "and followUpDue=true for those whose follow-up day has come while not resolved")
    List<AdverseEvents.Event> list(@RequestParam long clinic,
            @RequestParam(required = false) AdverseEvents.Severity severity,
            @RequestParam(required = false) AdverseEvents.Kind kind,
            @RequestParam(required = false) AdverseEvents.Outcome outcome,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "false") boolean followUpDue) {
        return events.list(clinic, severity, kind, outcome, from, to, followUpDue);
    }

    @GetMapping("/api/v1/adverse-events/{id}")
    @Operation(summary = "One adverse event with the lots of its session (each with its recall view)")
    ResponseEntity<EventJson> event(@PathVariable long id) {
        AdverseEvents.Event e = events.visible(id);
        return ResponseEntity.ok().eTag(ETags.of(e.version())).body(json(e));
    }

    @PutMapping("/api/v1/adverse-events/{id}")
    @Operation(summary = "Update an adverse event (If-Match): action taken, outcome, follow-up; the version before "
            + "is kept")
    ResponseEntity<EventJson> amend(@PathVariable long id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody AdverseEvents.Input body) {
        AdverseEvents.Event e = events.amend(id, ETags.requireVersion(ifMatch, AdverseEvents.EVENT, id), body);
        return ResponseEntity.ok().eTag(ETags.of(e.version())).body(json(e));
    }

    private EventJson json(AdverseEvents.Event e) {
        return new EventJson(e, events.lotsOf(e).stream().map(lot -> "/formulary/lots/" + lot + "#recall").toList());
    }

    /** An event with the recall views of its lots. */
    record EventJson(AdverseEvents.Event event, List<String> lotRecalls) {
    }
}
