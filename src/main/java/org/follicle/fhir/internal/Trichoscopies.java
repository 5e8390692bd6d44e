package org.follicle.fhir.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.follicle.diagnosis.DiagnosisExchange.Site;
import org.follicle.diagnosis.DiagnosisExchange.Trichoscopy;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A trichoscopic assessment as FHIR: a DiagnosticReport whose results are one Observation per measure and scalp
 * site. Observation ids name their measure ({@code t12-vertex-hair-density}), so that a read finds it again.
 */
@Component
class Trichoscopies {

    private static final String CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";

    private final MessageSource messages;

    Trichoscopies(MessageSource messages) {
        this.messages = messages;
    }

    DiagnosticReport report(Trichoscopy assessment, boolean withResults) {
        DiagnosticReport report = new DiagnosticReport();
        report.setId(String.valueOf(assessment.id()));
        report.setStatus(assessment.voided() ? DiagnosticReport.DiagnosticReportStatus.ENTEREDINERROR
                : DiagnosticReport.DiagnosticReportStatus.FINAL);
        report.getCode().addCoding().setSystem(Terms.TRICHOSCOPY).setCode(Terms.ASSESSMENT)
                .setDisplay(Terms.ASSESSMENT_DISPLAY);
        report.getCode().setText(Terms.ASSESSMENT_DISPLAY);
        report.setSubject(Ids.patient(assessment.patientId()));
        report.setEffective(new DateTimeType(assessment.assessedOn().toString()));
        report.addPerformer().setDisplay(assessment.examinerName());
        for (Observation observation : observations(assessment)) {
            Reference result = report.addResult().setReference("Observation/" + observation.getIdPart());
            if (withResults) {
                result.setResource(observation);
            }
        }
        if (assessment.voided()) {
            report.setConclusion("Voided: " + assessment.voidReason());
        }
        return report;
    }

    List<Observation> observations(Trichoscopy assessment) {
        List<Observation> observations = new ArrayList<>();
        for (Site site : assessment.sites()) {
            for (Terms.Measure measure : Terms.Measure.values()) {
                value(site, measure).ifPresent(value -> observations.add(observation(assessment, site, measure,
                        value)));
            }
        }
        return observations;
    }

    /** The observation an id names; 404 when the assessment has no such measure. */
    Observation observation(Trichoscopy assessment, String id) {
        return observations(assessment).stream().filter(o -> o.getIdPart().equals(id)).findFirst()
                .orElseThrow(() -> new ResourceNotFoundException("Observation/" + id));
    }

    /** The assessment id in an observation id. */
    static long assessmentOf(String observationId) {
        int dash = observationId.indexOf('-');
        if (dash < 0) {
            throw new ResourceNotFoundException("Observation/" + observationId);
        }
        return Ids.number(observationId.substring(0, dash), "t");
    }

    static String site(String siteCode) {
        return siteCode.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private Observation observation(Trichoscopy assessment, Site site, Terms.Measure measure, BigDecimal value) {
        Observation observation = new Observation();
        observation.setId("t" + assessment.id() + "-" + site(site.site()) + "-" + measure.code);
        observation.setStatus(assessment.voided() ? Observation.ObservationStatus.ENTEREDINERROR
                : Observation.ObservationStatus.FINAL);
        observation.addCategory().addCoding().setSystem(CATEGORY).setCode("exam").setDisplay("Exam");
        observation.getCode().addCoding().setSystem(Terms.TRICHOSCOPY).setCode(measure.code)
                .setDisplay(measure.display);
        observation.getCode().setText(measure.display);
        observation.setSubject(Ids.patient(assessment.patientId()));
        observation.setEffective(new DateTimeType(assessment.assessedOn().toString()));
        observation.addPerformer().setDisplay(assessment.examinerName());
        observation.setValue(new Quantity().setValue(value).setUnit(measure.unit).setSystem(Terms.UCUM)
                .setCode(measure.ucum));
        observation.setBodySite(bodySite(site.site()));
        observation.getMethod().setText(method(assessment));
        if (measure == Terms.Measure.VELLUS || measure == Terms.Measure.TERMINAL) {
            observation.addNote().setText("Vellus: a shaft thinner than " + assessment.vellusCutoffUm() + " µm");
        }
        return observation;
    }

    /** A fixed scalp site: the scalp in SNOMED CT, the site in Follicle's code system. */
    CodeableConcept bodySite(String siteCode) {
        String name = siteName(siteCode);
        CodeableConcept bodySite = scalp().setText(name);
        bodySite.addCoding().setSystem(Terms.SCALP_SITE).setCode(site(siteCode)).setDisplay(name);
        return bodySite;
    }

    static CodeableConcept scalp() {
        CodeableConcept scalp = new CodeableConcept().setText("Scalp");
        scalp.addCoding().setSystem(Terms.SNOMED).setCode(Terms.SCALP_STRUCTURE).setDisplay(Terms.SCALP_STRUCTURE_DISPLAY);
        return scalp;
    }

    String siteName(String siteCode) {
        return messages.getMessage("site." + siteCode, null, siteCode, Locale.ENGLISH);
    }

    private static String method(Trichoscopy assessment) {
        StringBuilder text = new StringBuilder("Trichoscopy");
        if (assessment.device() != null) {
            text.append(", ").append(assessment.device());
        }
        if (assessment.magnification() != null) {
            text.append(", ×").append(assessment.magnification());
        }
        return text.toString();
    }

    private static Optional<BigDecimal> value(Site site, Terms.Measure measure) {
        return Optional.ofNullable(switch (measure) {
            case DENSITY -> site.density();
            case HAIRS -> BigDecimal.valueOf(site.hairs());
            case AREA -> site.areaCm2();
            case TERMINAL -> site.terminal() == null ? null : BigDecimal.valueOf(site.terminal());
            case VELLUS -> site.vellus() == null ? null : BigDecimal.valueOf(site.vellus());
            case DIAMETER -> site.meanDiameterUm();
            case ANAGEN -> site.anagenPercent();
            case TELOGEN -> site.telogenPercent();
            case PER_UNIT -> site.hairsPerFollicularUnit();
            case EMPTY -> site.emptyFollicles() == null ? null : BigDecimal.valueOf(site.emptyFollicles());
        });
    }

    /** Follicle's code systems: the trichoscopic measures, and the fixed scalp sites they are taken at. */
    List<CodeSystem> codeSystems(List<String> sites) {
        CodeSystem measures = codeSystem("trichoscopy", Terms.TRICHOSCOPY, "FollicleTrichoscopy",
                "Follicle trichoscopy measures",
                "What a trichoscopic assessment measures at a scalp site, and the assessment itself.");
        measures.addConcept().setCode(Terms.ASSESSMENT).setDisplay(Terms.ASSESSMENT_DISPLAY)
                .setDefinition("A trichoscopic assessment of the scalp at fixed sites.");
        for (Terms.Measure measure : Terms.Measure.values()) {
            measures.addConcept().setCode(measure.code).setDisplay(measure.display)
                    .setDefinition(measure.display + ", in " + measure.unit + ".");
        }
        CodeSystem siteSystem = codeSystem("scalp-site", Terms.SCALP_SITE, "FollicleScalpSite",
                "Follicle scalp sites", "The fixed scalp sites measured again at each assessment.");
        for (String site : sites) {
            siteSystem.addConcept().setCode(site(site)).setDisplay(siteName(site)).setDefinition(
                    messages.getMessage("site." + site + ".position", null, siteName(site), Locale.ENGLISH));
        }
        return List.of(measures, siteSystem);
    }

    static CodeSystem codeSystem(String id, String url, String name, String title, String description) {
        CodeSystem system = new CodeSystem();
        system.setId(id);
        system.setUrl(url);
        system.setVersion("1");
        system.setName(name);
        system.setTitle(title);
        system.setStatus(Enumerations.PublicationStatus.ACTIVE);
        system.setExperimental(false);
        system.setPublisher("Follicle");
        system.setDescription(description);
        system.setCaseSensitive(true);
        system.setContent(CodeSystem.CodeSystemContentMode.COMPLETE);
        return system;
    }
}
