package org.follicle.outcomes.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.follicle.diagnosis.PatientMeasures;
import org.follicle.diagnosis.SiteProgress;
import org.follicle.patients.PatientRegistry;
import org.follicle.patients.PatientView;
import org.follicle.security.AuditAction;
import org.follicle.security.AuditLog;
import org.follicle.security.AuditRecord;
import org.follicle.system.Languages;
import org.follicle.system.PdfDocuments;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A patient's progress: each site's density from the first measure to the latest, the follow-up visits' scores,
 * beside what published studies and clinics report for the modality, each figure with its source and strength.
 * Information, never a promise.
 */
@Service
@Transactional(readOnly = true)
class ProgressReports {

    private final PatientRegistry patients;

    private final PatientMeasures measures;

    private final FollowUps followUps;

    private final EvidenceLibrary evidence;

    private final PdfDocuments pdf;

    private final AuditLog audit;

    private final MessageSource texts;

    private final java.time.Clock clock;

    ProgressReports(PatientRegistry patients, PatientMeasures measures, FollowUps followUps, EvidenceLibrary evidence,
            PdfDocuments pdf, AuditLog audit, MessageSource texts, java.time.Clock clock) {
        this.clock = clock;
        this.patients = patients;
        this.measures = measures;
        this.followUps = followUps;
        this.evidence = evidence;
        this.pdf = pdf;
        this.audit = audit;
        this.texts = texts;
    }

    Progress of(long patientId, Modality modality) {
        return of(patientId, modality, LocaleContextHolder.getLocale());
    }

    /** The report as a PDF for the patient, in the patient's language, with the density chart. */
    byte[] pdf(long patientId, Modality modality) {
        PatientView patient = patients.readablePatient(patientId);
        Locale locale = Optional.ofNullable(Languages.supported(patient.preferredLanguage()))
                .orElse(LocaleContextHolder.getLocale());
        Progress report = of(patientId, modality, locale);
        String chart = ProgressCharts.densityChart(report.sites(),
                site -> texts.getMessage("site." + site, null, site, locale),
                texts.getMessage("progress.densityAxis", null, locale));
        audit.record(AuditRecord.success(AuditAction.PRINT, "progress-report", patientId, patient.clinicId()));
        java.util.HashMap<String, Object> model = new java.util.HashMap<>(Map.of("patient", patient, "report",
                report, "printedOn", LocalDate.now(clock)));
        if (chart != null) {
            model.put("chart", chart);
        }
        return pdf.render("outcomes/progress-pdf", model, locale);
    }

    private Progress of(long patientId, Modality modality, Locale locale) {
        PatientView patient = patients.readablePatient(patientId);
        List<SiteProgress> sites = measures.of(patientId);
        List<Comparison> published = evidence.figures().stream().filter(f -> f.modality().equals(modality.name()))
                .filter(f -> f.fits(patient.sex()))
                .sorted(Comparator.comparing(EvidenceLibrary.Figure::strength))
                .map(f -> new Comparison(f.measure(), f.value(), f.unit(), f.months(), f.strength().name(),
                        f.source(), f.reference(), f.texts().getOrDefault(locale.getLanguage(), f.texts().get("en"))))
                .toList();
        List<Review> reviews = followUps.milestones(patientId).stream().filter(s -> s.followUp() != null)
                .map(s -> new Review(s.milestone().protocolName(), s.milestone().months(), s.followUp().visitOn(),
                        s.followUp().globalScore(), s.followUp().satisfactionScore()))
                .sorted(Comparator.comparing(Review::visitOn)).toList();
        boolean baseline = sites.stream().anyMatch(s -> s.densityChange() != null);
        return new Progress(patientId, modality, sites, !baseline, reviews, published,
                texts.getMessage("progress.notAPromise", null, locale));
    }

    /** The treatments whose published figures can be shown. */
    enum Modality {
        MESOTHERAPY, PRP
    }

    /** A published figure as the report shows it, in the reader's language. */
    /** @param reference the publication, for a study; {@code null} for a clinic's own claim */
    record Comparison(String measure, BigDecimal value, String unit, Integer months, String strength, String source,
            String reference, String text) {
    }

    /** A follow-up visit's scores: the practitioner's photographic assessment and the patient's satisfaction. */
    record Review(String protocolName, int months, LocalDate visitOn, Integer globalScore,
            BigDecimal satisfactionScore) {
    }

    /**
     * @param noChangeYet true while no site has been measured twice: there is no trajectory to show yet
     */
    record Progress(long patientId, Modality modality, List<SiteProgress> sites, boolean noChangeYet,
            List<Review> reviews, List<Comparison> published, String notice) {
    }
}
