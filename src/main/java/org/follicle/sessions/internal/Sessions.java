package org.follicle.sessions.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.follicle.clinics.ClinicDirectory;
import org.follicle.clinics.ClinicView;
import org.follicle.diagnosis.PatientPhotos;
import org.follicle.diagnosis.PhotoRef;
import org.follicle.formulary.FormulaScreening;
import org.follicle.formulary.OfferedLot;
import org.follicle.formulary.PatientFormulas;
import org.follicle.formulary.Preparation;
import org.follicle.formulary.PreparationRequest;
import org.follicle.formulary.ProductScreening;
import org.follicle.formulary.Stock;
import org.follicle.intake.ConsentType;
import org.follicle.intake.Modality;
import org.follicle.intake.PatientConsents;
import org.follicle.intake.PatientIntake;
import org.follicle.intake.ReviewedScreening;
import org.follicle.intake.Screening;
import org.follicle.intake.ScreeningResult;
import org.follicle.patients.PatientRegistry;
import org.follicle.patients.PatientView;
import org.follicle.scheduling.AppointmentBook;
import org.follicle.scheduling.AppointmentView;
import org.follicle.security.AuditAction;
import org.follicle.security.AuditLog;
import org.follicle.security.AuditOutcome;
import org.follicle.security.AuditRecord;
import org.follicle.security.ClinicAccess;
import org.follicle.security.Privilege;
import org.follicle.system.BusinessRuleException;
import org.follicle.system.RecordNotFoundException;
import org.follicle.system.StaleRecordException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Starting, charting, signing and correcting sessions (practitioners). Starting records the pre-check as a new
 * version of the intake and screens again, with the formula's ingredients: a deferral or an exclusion stops the
 * session unless the practitioner gives a reason (audited); a valid consent is required. Signing uses the lots
 * once, through the formulary, and locks the record.
 */
@Service
@Transactional
class Sessions {

    static final String SESSION = "session";

    private final SessionStore store;

    private final ScalpZones zones;

    private final PatientPhotos photos;

    private final AppointmentBook appointments;

    private final PatientRegistry patients;

    private final PatientIntake intake;

    private final PatientConsents consents;

    private final Screening screening;

    private final PatientFormulas formulas;

    private final Stock stock;

    private final ProductScreening products;

    private final ClinicDirectory clinics;

    private final ClinicAccess access;

    private final AuditLog audit;

    private final MessageSource texts;

    private final JsonMapper json;

    private final Clock clock;

    private final ApplicationEventPublisher events;

    Sessions(SessionStore store, ScalpZones zones, PatientPhotos photos, AppointmentBook appointments, PatientRegistry patients, PatientIntake intake,
            PatientConsents consents, Screening screening, PatientFormulas formulas, Stock stock,
            ProductScreening products, ClinicDirectory clinics, ClinicAccess access, AuditLog audit, MessageSource texts, JsonMapper json,
            Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.store = store;
        this.zones = zones;
        this.photos = photos;
        this.appointments = appointments;
        this.patients = patients;
        this.intake = intake;
        this.consents = consents;
        this.screening = screening;
        this.formulas = formulas;
        this.stock = stock;
        this.products = products;
        this.clinics = clinics;
        this.access = access;
        this.audit = audit;
        this.texts = texts;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Records the pre-check as a new version of the intake, in its own transaction before the session starts: the
     * patient's answers stand even when the screening then stops the session. Nothing is recorded again for an
     * appointment whose session has started (a retry). Returns what it read, for {@link #start} to go on with.
     */
    Visit recordPrecheck(SessionInputs.Start in) {
        AppointmentView appointment = appointments.appointment(in.appointmentId());
        ClinicView clinic = clinics.requireClinic(appointment.clinicId(), Privilege.CLINICAL_WRITE);
        var existing = store.byAppointment(appointment.id());
        if (existing.isPresent()) {
            return new Visit(appointment, clinic, null, existing.get());
        }
        PatientView patient = patients.openPatientOf(clinic.organisationId(), appointment.patientId());
        if (in.precheck().pregnancy() == null && patient.sex() != org.follicle.patients.Sex.MALE) {
            // Asked again before every session: a pregnancy changes between two visits.
            throw BusinessRuleException.onField("precheck.pregnancy", "session.pregnancyRequired");
        }
        intake.amend(patient.id(), intakeChanges(in.precheck()));
        return new Visit(appointment, clinic, patient, null);
    }

    /**
     * Starts the appointment's session once its pre-check is recorded, or returns the one already started for it
     * (a double click, a retry). The appointment, its clinic and the patient are those the pre-check read and
     * checked a moment before: reading them again in this transaction would not make them any less of a moment
     * old (nothing is locked), and cost four of the fifty statements a signing makes.
     */
    Started start(SessionInputs.Start in, Visit visit) {
        if (visit.started() != null) {
            return new Started(visit.started(), false);
        }
        AppointmentView appointment = visit.appointment();
        ClinicView clinic = visit.clinic();
        PatientView patient = visit.patient();
        if (!appointment.status().takesTime()) {
            throw BusinessRuleException.onField("appointmentId", "session.appointmentClosed", appointment.status());
        }
        for (ConsentType type : in.modality().consents()) {
            if (!consents.isGiven(patient.id(), type)) {
                throw BusinessRuleException.onField("modality", "session.noConsent", type);
            }
        }
        if (in.modality().usesFormula() && in.formulaId() == null) {
            throw BusinessRuleException.onField("formulaId", "session.formulaRequired");
        }
        LocalDate today = clinic.today(clock);
        List<ReviewedScreening> results = new ArrayList<>();
        for (Modality modality : in.modality().screenings()) {
            if (modality == Modality.MESOTHERAPY && in.formulaId() != null) {
                FormulaScreening screened = formulas.screen(patient.id(), in.formulaId(), today);
                if (screened.blockedByRegulation()) {
                    throw BusinessRuleException.onField("formulaId", "session.regulatoryBlock",
                            String.join(" ", screened.regulatoryBlocks()));
                }
                // A formula's own screening has no review to clear it.
                results.add(new ReviewedScreening(screened.result(), null, null, null, null));
            }
            else {
                results.add(screening.screenWithReview(patient.id(), modality, today));
            }
        }
        TreatmentSession.Screened screened = TreatmentSession.Screened.of(results, today);
        Locale locale = LocaleContextHolder.getLocale();
        String override = screened.override(in.overrideReason(), d -> text("screening.decision." + d.name()),
                f -> f.message(locale));
        if (override != null) {
            audit.record(new AuditRecord(AuditAction.SCREENING_OVERRIDE, "patient", String.valueOf(patient.id()),
                    clinic.id(), AuditOutcome.SUCCESS, "session " + screened.findingIds()));
        }
        var inserted = store.insertOnce(clinic.organisationId(), clinic.id(), patient.id(), appointment.id(),
                access.current().id(), in.modality(), in.formulaId(), in.precheck(), screened.decision(),
                screened.findingIds(), override, clock.instant(), access.current().username());
        if (inserted.isEmpty()) {
            // Started in between by another request for the same appointment.
            return new Started(store.byAppointment(appointment.id()).orElseThrow(), false);
        }
        audit.record(AuditRecord.success(AuditAction.CREATE, SESSION, inserted.get().id(), clinic.id()));
        return new Started(inserted.get(), true);
    }

    /** Saves the chart of an open session; returns the warnings it deserves (depth, anaesthetic). */
    Charted chart(long id, int version, SessionInputs.Chart chart) {
        TreatmentSession session = writable(id);
        List<Long> patientPhotos = chart.photoIds() == null || chart.photoIds().isEmpty() ? List.of()
                : photos.of(session.patientId()).stream().map(PhotoRef::id).toList();
        List<String> warnings = new ArrayList<>(texts(session.checkChart(chart, zones.codes(), patientPhotos)));
        TreatmentSession charted = store.saveChart(id, version, chart, clock.instant(), access.current().username())
                .orElseThrow(() -> new StaleRecordException(SESSION, id));
        audit.record(new AuditRecord(AuditAction.UPDATE, SESSION, String.valueOf(id), session.clinicId(),
                AuditOutcome.SUCCESS, "chart"));
        warnings.addAll(refusals(session, chart));
        return new Charted(charted, warnings);
    }

    /**
     * Signs the session: the lots are used once (the formulary refuses an expired lot or missing stock, and a
     * retry uses nothing again), the appointment is attended, and the record is locked.
     */
    TreatmentSession sign(long id, int version) {
        TreatmentSession session = writable(id);
        TreatmentSession.Signing signing = session.sign(version, chart -> refusals(session, chart), clock.instant(),
                access.current().username());
        // The appointment before the lots: using a lot locks its stock row until the commit (StockService.prepare),
        // so the less that follows it, the less the clinic's other signings wait.
        appointments.attendedBySession(session.appointmentId());
        Long preparationId = null;
        if (!signing.lots().isEmpty()) {
            Preparation preparation = stock.prepare(new PreparationRequest(session.clinicId(), session.formulaId(),
                    signing.preparationKey(), signing.lots().stream()
                            .map(l -> new PreparationRequest.LotQuantity(l.lotId(), l.quantity())).toList(),
                    List.of(new PreparationRequest.Recipient(session.patientId(), signing.preparationKey()))));
            preparationId = preparation.id();
        }
        TreatmentSession signed = store.sign(signing, preparationId)
                .orElseThrow(() -> new StaleRecordException(SESSION, id));
        audit.record(new AuditRecord(AuditAction.UPDATE, SESSION, String.valueOf(id), session.clinicId(),
                AuditOutcome.SUCCESS, "signed"));
        events.publishEvent(signing.fact(preparationId));
        return signed;
    }

    /** A correction of a signed session: the record stays, the addendum says what, who, when and why. */
    TreatmentSession addendum(long id, SessionInputs.Addendum in) {
        TreatmentSession session = writable(id);
        session.requireSignedForAddendum();
        store.addendum(id, in.text().trim(), in.reason().trim(), clock.instant(), access.current().username());
        audit.record(new AuditRecord(AuditAction.UPDATE, SESSION, String.valueOf(id), session.clinicId(),
                AuditOutcome.SUCCESS, "addendum"));
        return session;
    }

    /** A session the user may see (audited). */
    TreatmentSession visible(long id) {
        TreatmentSession session = store.find(id).orElseThrow(() -> new RecordNotFoundException(SESSION, id));
        access.requireVisible(Privilege.PATIENT_READ, session.clinicId(), SESSION, id);
        audit.record(AuditRecord.success(AuditAction.READ, SESSION, id, session.clinicId()));
        return session;
    }

    /** The aftercare sheet of a session, in the patient's language (audited as a print). */
    byte[] aftercareSheet(long id) {
        TreatmentSession session = visible(id);
        audit.record(AuditRecord.success(AuditAction.PRINT, SESSION, id, session.clinicId()));
        return appointments.aftercareSheet(session.patientId(), session.clinicId(), List.of());
    }

    List<SessionStore.Addendum> addenda(long id) {
        return store.addenda(id);
    }

    List<TreatmentSession> ofPatient(long patientId) {
        PatientView patient = patients.readablePatient(patientId);
        audit.record(AuditRecord.success(AuditAction.READ, SESSION, patientId, patient.clinicId()));
        return store.ofPatient(patientId).stream().filter(s -> access.can(Privilege.PATIENT_READ, s.clinicId()))
                .toList();
    }

    List<SessionStore.SessionLine> linesOf(long patientId) {
        patients.readablePatient(patientId);
        return store.linesOf(patientId).stream().filter(s -> access.can(Privilege.PATIENT_READ, s.clinicId()))
                .toList();
    }

    /**
     * The lots the session may pick from, each with what keeps its patient from receiving it, less what the
     * practitioner's override at the start already covers.
     */
    List<OfferedLot> offeredLots(TreatmentSession session) {
        return products.offer(session.clinicId(), session.patientId(), modalities(session), today(session)).stream()
                .map(l -> new OfferedLot(l.lot(), session.uncovered(l.refusals()))).toList();
    }

    /**
     * What the chart gives that the patient may not receive, as sentences: a lot whose product an ingredient rule
     * or a noted allergy excludes, an anaesthetic the patient is allergic to. The chart is saved with them as
     * warnings; signing refuses them.
     */
    private List<String> refusals(TreatmentSession session, SessionInputs.Chart chart) {
        Locale locale = LocaleContextHolder.getLocale();
        List<String> refusals = new ArrayList<>();
        List<Long> lotIds = chart.lots() == null ? List.of()
                : chart.lots().stream().map(SessionInputs.LotUse::lotId).toList();
        if (!lotIds.isEmpty()) {
            for (OfferedLot lot : products.check(session.clinicId(), session.patientId(), modalities(session),
                    today(session), lotIds)) {
                session.uncovered(lot.refusals()).forEach(f -> refusals.add(text("session.lotRefused",
                        lot.lot().productName(), lot.lot().lotNumber(), f.message(locale))));
            }
        }
        if (chart.anaesthetic() != null) {
            session.uncovered(products.checkAnaesthetic(session.patientId(), chart.anaesthetic().product(),
                    modalities(session), today(session))).forEach(f -> refusals.add(text("session.anaestheticRefused",
                            chart.anaesthetic().product().trim(), f.message(locale))));
        }
        return refusals;
    }

    private static java.util.Set<Modality> modalities(TreatmentSession session) {
        return java.util.EnumSet.copyOf(session.modality().screenings());
    }

    private LocalDate today(TreatmentSession session) {
        return clinics.find(session.clinicId()).orElseThrow().today(clock);
    }

    private List<String> texts(List<DefaultMessageSourceResolvable> messages) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.stream().map(m -> texts.getMessage(m, locale)).toList();
    }

    /** The pre-check in the intake's shape: new answers, new medicines added to the list. */
    private JsonNode intakeChanges(SessionInputs.Precheck p) {
        ObjectNode changes = json.createObjectNode();
        ObjectNode history = changes.putObject("medicalHistory").put("recentFever", p.fever());
        if (p.pregnancy() != null) {
            history.put("pregnancy", p.pregnancy());
        }
        changes.set("scalpToday", json.valueToTree(p.scalpToday()));
        ArrayNode medications = changes.putArray("medications");
        if (p.newMedicines() != null && !p.newMedicines().isEmpty()) {
            p.newMedicines().forEach(m -> medications.add(json.valueToTree(m)));
            history.put("takesMedicines", "YES");
        }
        return changes;
    }

    private TreatmentSession writable(long id) {
        TreatmentSession session = store.find(id).orElseThrow(() -> new RecordNotFoundException(SESSION, id));
        access.requireVisible(Privilege.PATIENT_READ, session.clinicId(), SESSION, id);
        access.require(Privilege.CLINICAL_WRITE, session.clinicId());
        return session;
    }

    private String text(String key, Object... args) {
        return texts.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    /**
     * The appointment whose session starts, its clinic and its patient, read and checked by the pre-check; or the
     * session already started for it (and then no patient).
     */
    record Visit(AppointmentView appointment, ClinicView clinic, PatientView patient, TreatmentSession started) {
    }

    /** A session started now, or found already started for its appointment. */
    record Started(TreatmentSession session, boolean created) {
    }

    /** A saved chart and its warnings. */
    record Charted(TreatmentSession session, List<String> warnings) {
    }
}
