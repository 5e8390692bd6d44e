package org.follicle.fhir.internal;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import org.follicle.security.People;
import org.follicle.sessions.SessionExchange.LotGiven;
import org.follicle.sessions.SessionExchange.SideEffect;
import org.follicle.sessions.SessionExchange.Treatment;
import org.follicle.sessions.SessionExchange.ZoneTreated;
import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A treatment session as FHIR: the visit (Encounter), the treatment (Procedure), what was injected in each zone
 * (MedicationAdministration, its medication contained: the session's preparation made of its lots), the signing
 * (Provenance), and side effects (AdverseEvent) with the lots they may trace back to.
 */
@Component
class Treatments {

    private static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

    private static final String PARTICIPANT_TYPE = "http://terminology.hl7.org/CodeSystem/provenance-participant-type";

    private static final String SERIOUSNESS = "http://terminology.hl7.org/CodeSystem/adverse-event-seriousness";

    private static final String SEVERITY = "http://terminology.hl7.org/CodeSystem/adverse-event-severity";

    private static final String OUTCOME = "http://terminology.hl7.org/CodeSystem/adverse-event-outcome";

    private static final String CAUSALITY = "http://terminology.hl7.org/CodeSystem/adverse-event-causality-assess";

    private final MessageSource messages;

    private final Trichoscopies sites;

    private final People people;

    Treatments(MessageSource messages, Trichoscopies sites, People people) {
        this.messages = messages;
        this.sites = sites;
        this.people = people;
    }

    Encounter encounter(Treatment t) {
        Encounter encounter = new Encounter();
        encounter.setId(String.valueOf(t.id()));
        encounter.setStatus(t.signed() ? Encounter.EncounterStatus.FINISHED : Encounter.EncounterStatus.INPROGRESS);
        encounter.setClass_(new Coding(ACT_CODE, "AMB", "ambulatory"));
        encounter.getTypeFirstRep().setText(modality(t));
        encounter.setSubject(Ids.patient(t.patientId()));
        encounter.addParticipant().setIndividual(practitioner(t));
        encounter.addAppointment(new Reference("Appointment/" + t.appointmentId()));
        encounter.setPeriod(period(t));
        encounter.setServiceProvider(Ids.clinic(t.clinicId()));
        return encounter;
    }

    Procedure procedure(Treatment t) {
        Procedure procedure = new Procedure();
        procedure.setId(String.valueOf(t.id()));
        procedure.setStatus(t.signed() ? Procedure.ProcedureStatus.COMPLETED : Procedure.ProcedureStatus.INPROGRESS);
        procedure.getCode().setText(modality(t));
        procedure.setSubject(Ids.patient(t.patientId()));
        procedure.setEncounter(new Reference("Encounter/" + t.id()));
        procedure.setPerformed(period(t));
        procedure.addPerformer().setActor(practitioner(t));
        procedure.setLocation(new Reference("Location/" + t.clinicId()));
        t.zones().forEach(z -> procedure.addBodySite(sites.bodySite(z.zone())));
        if (t.technique() != null) {
            procedure.addNote().setText(text("technique." + t.technique())
                    + (t.depthMm() == null ? "" : ", " + t.depthMm().toPlainString() + " mm deep"));
        }
        return procedure;
    }

    /** One administration per zone treated with a product; none for a session without one (microneedling alone). */
    List<MedicationAdministration> administrations(Treatment t) {
        List<MedicationAdministration> given = new ArrayList<>();
        boolean prp = t.modality().equals("PRP") || t.modality().equals("COMBINED");
        if (t.lots().isEmpty() && !prp) {
            return given;
        }
        for (ZoneTreated zone : t.zones()) {
            MedicationAdministration administration = new MedicationAdministration();
            administration.setId(t.id() + "-" + Trichoscopies.site(zone.zone()));
            administration.setStatus(t.signed() ? MedicationAdministration.MedicationAdministrationStatus.COMPLETED
                    : MedicationAdministration.MedicationAdministrationStatus.INPROGRESS);
            if (t.lots().isEmpty()) {
                administration.getMedicationCodeableConcept().setText("Autologous platelet-rich plasma");
            }
            else {
                Medication preparation = preparation(t);
                administration.addContained(preparation);
                t.lots().forEach(lot -> administration.addContained(lot(lot)));
                administration.setMedication(new Reference("#" + preparation.getIdPart()));
            }
            administration.setSubject(Ids.patient(t.patientId()));
            administration.setContext(new Reference("Encounter/" + t.id()));
            administration.setEffective(new DateTimeType(Date.from(t.startedAt())));
            administration.addPerformer().setActor(practitioner(t));
            administration.addPartOf(new Reference("Procedure/" + t.id()));
            MedicationAdministration.MedicationAdministrationDosageComponent dosage = administration.getDosage();
            dosage.setSite(sites.bodySite(zone.zone()));
            dosage.setDose(new Quantity().setValue(zone.volumeMl()).setUnit("mL").setSystem(Terms.UCUM)
                    .setCode("mL"));
            dosage.setText(zone.points() + " injection points, " + zone.volumeMl().toPlainString() + " mL");
            if (t.technique() != null) {
                dosage.getMethod().setText(text("technique." + t.technique()));
            }
            given.add(administration);
        }
        return given;
    }

    /** Who signed the session, and when: the record's attestation. Only for a signed session. */
    Provenance provenance(Treatment t) {
        Provenance provenance = new Provenance();
        provenance.setId(String.valueOf(t.id()));
        provenance.addTarget(new Reference("Procedure/" + t.id()));
        provenance.addTarget(new Reference("Encounter/" + t.id()));
        administrations(t).forEach(a -> provenance.addTarget(new Reference("MedicationAdministration/"
                + a.getIdPart())));
        provenance.setRecordedElement(new InstantType(Date.from(t.signedAt())));
        provenance.getActivity().setText("Signed");
        Provenance.ProvenanceAgentComponent agent = provenance.addAgent();
        agent.getType().addCoding(new Coding(PARTICIPANT_TYPE, "attester", "Attester"));
        agent.getWho().setDisplay(people.named(t.signedBy()));
        return provenance;
    }

    AdverseEvent adverseEvent(SideEffect e) {
        AdverseEvent event = new AdverseEvent();
        event.setId(String.valueOf(e.id()));
        event.setActuality(AdverseEvent.AdverseEventActuality.ACTUAL);
        String kind = text("adverseEvent.kind." + e.kind());
        event.getEvent().setText(e.description() == null ? kind : kind + ": " + e.description());
        event.setSubject(Ids.patient(e.patientId()));
        event.setDateElement(new DateTimeType(e.onsetOn().toString()));
        event.setRecordedDateElement(new DateTimeType(Date.from(e.recordedAt())));
        boolean serious = e.severity().equals("SERIOUS");
        event.getSeriousness().addCoding(new Coding(SERIOUSNESS, serious ? "Serious" : "Non-serious",
                serious ? "Serious" : "Non-serious"));
        String severity = switch (e.severity()) {
            case "MILD" -> "mild";
            case "MODERATE" -> "moderate";
            default -> "severe";
        };
        event.getSeverity().addCoding(new Coding(SEVERITY, severity, severity.substring(0, 1).toUpperCase(Locale.ROOT)
                + severity.substring(1)));
        String outcome = switch (e.outcome()) {
            case "ONGOING" -> "ongoing";
            case "RESOLVED" -> "resolved";
            case "RESOLVED_WITH_SEQUELAE" -> "resolvedWithSequelae";
            default -> "unknown";
        };
        event.getOutcome().addCoding(new Coding(OUTCOME, outcome, null));
        CodeableConcept causality = causality(e.relation());
        if (e.lots().isEmpty() && e.sessionId() != null) {
            event.addSuspectEntity().setInstance(new Reference("Procedure/" + e.sessionId())).addCausality()
                    .setAssessment(causality);
        }
        for (LotGiven lot : e.lots()) {
            Medication medication = lot(lot);
            event.addContained(medication);
            event.addSuspectEntity().setInstance(new Reference("#" + medication.getIdPart())).addCausality()
                    .setAssessment(causality);
        }
        return event;
    }

    private CodeableConcept causality(String relation) {
        CodeableConcept concept = new CodeableConcept().setText(text("adverseEvent.relation." + relation));
        String code = switch (relation) {
            case "CERTAIN" -> "Certain";
            case "PROBABLE" -> "Probably-Likely";
            case "POSSIBLE" -> "Possible";
            case "UNLIKELY" -> "Unlikely";
            default -> null;
        };
        if (code != null) {
            concept.addCoding(new Coding(CAUSALITY, code, null));
        }
        return concept;
    }

    /** The session's preparation: the products of its lots, mixed and given as one. */
    private static Medication preparation(Treatment t) {
        Medication preparation = new Medication();
        preparation.setId("preparation");
        preparation.getCode().setText(String.join(" + ", t.lots().stream().map(LotGiven::productName).toList()));
        for (LotGiven lot : t.lots()) {
            preparation.addIngredient().setItem(new Reference("#lot-" + lot.lotId())).setIsActive(true);
        }
        return preparation;
    }

    private static Medication lot(LotGiven lot) {
        Medication medication = new Medication();
        medication.setId("lot-" + lot.lotId());
        medication.getCode().setText(lot.productName());
        medication.getBatch().setLotNumber(lot.lotNumber());
        if (lot.expiry() != null) {
            medication.getBatch().setExpirationDateElement(new DateTimeType(lot.expiry().toString()));
        }
        return medication;
    }

    private Reference practitioner(Treatment t) {
        return new Reference("Practitioner/" + t.practitionerId());
    }

    private static Period period(Treatment t) {
        Period period = new Period().setStart(Date.from(t.startedAt()));
        if (t.signedAt() != null) {
            period.setEnd(Date.from(t.signedAt()));
        }
        return period;
    }

    private String modality(Treatment t) {
        return text("session.modality." + t.modality());
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, Locale.ENGLISH);
    }
}
