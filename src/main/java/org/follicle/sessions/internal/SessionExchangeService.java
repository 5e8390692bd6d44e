package org.follicle.sessions.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.follicle.formulary.Stock;
import org.follicle.formulary.UsableLot;
import org.follicle.sessions.SessionExchange;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The exchange facade over the audited reads of {@link Sessions} and {@link AdverseEvents}. */
@Service
@Transactional(readOnly = true)
class SessionExchangeService implements SessionExchange {

    private final Sessions sessions;

    private final AdverseEvents events;

    private final Stock stock;

    private final SessionStore store;

    SessionExchangeService(Sessions sessions, AdverseEvents events, Stock stock, SessionStore store) {
        this.sessions = sessions;
        this.events = events;
        this.stock = stock;
        this.store = store;
    }

    @Override
    public List<Treatment> treatmentsOf(long patientId) {
        return sessions.ofPatient(patientId).stream().map(this::treatment).toList();
    }

    @Override
    public Treatment treatment(long sessionId) {
        return treatment(sessions.visible(sessionId));
    }

    @Override
    public List<SideEffect> sideEffectsOf(long patientId) {
        return events.ofPatient(patientId).stream().map(this::sideEffect).toList();
    }

    @Override
    public SideEffect sideEffect(long eventId) {
        return sideEffect(events.visible(eventId));
    }

    private Treatment treatment(TreatmentSession s) {
        SessionInputs.Chart chart = s.chart();
        List<ZoneTreated> zones = chart == null || chart.zones() == null ? List.of()
                : chart.zones().stream().map(z -> new ZoneTreated(z.zone(), z.points(), z.volumeMl())).toList();
        return new Treatment(s.id(), s.patientId(), s.clinicId(), s.appointmentId(), s.practitionerId(),
                s.modality().name(), s.signed(), s.startedAt(), s.signedAt(), s.signedBy(),
                chart == null || chart.technique() == null ? null : chart.technique().name(),
                chart == null ? null : chart.depthMm(), chart == null ? null : chart.durationMinutes(), zones,
                lotsOf(s));
    }

    /** The lots charted, or, for a session prepared beforehand, its preparation's (one unit each as far as known). */
    private List<LotGiven> lotsOf(TreatmentSession s) {
        SessionInputs.Chart chart = s.chart();
        List<SessionInputs.LotUse> uses = chart == null || chart.lots() == null ? List.of() : chart.lots();
        if (uses.isEmpty() && s.preparationId() != null) {
            uses = stock.lotsOfPreparation(s.preparationId()).stream().map(id -> new SessionInputs.LotUse(id, 1))
                    .toList();
        }
        if (uses.isEmpty()) {
            return List.of();
        }
        Map<Long, UsableLot> labels = stock.lots(s.clinicId(), uses.stream().map(SessionInputs.LotUse::lotId)
                .toList()).stream().collect(Collectors.toMap(UsableLot::lotId, Function.identity(), (a, b) -> a));
        return uses.stream().filter(u -> labels.containsKey(u.lotId())).map(u -> {
            UsableLot lot = labels.get(u.lotId());
            return new LotGiven(lot.lotId(), lot.productName(), lot.lotNumber(), lot.expiry(), u.quantity());
        }).toList();
    }

    private SideEffect sideEffect(AdverseEvents.Event e) {
        List<LotGiven> lots = e.sessionId() == null ? List.of()
                : store.find(e.sessionId()).map(this::lotsOf).orElse(List.of());
        return new SideEffect(e.id(), e.patientId(), e.clinicId(), e.sessionId(), e.kind().name(), e.description(),
                e.onsetOn(), e.severity().name(), e.relation().name(), e.actionTaken(), e.outcome().name(),
                e.version(), e.recordedAt(), lots);
    }
}
