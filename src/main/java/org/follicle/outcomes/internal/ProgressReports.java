package org.follicle.outcomes.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.follicle.diagnosis.PatientMeasures;
import org.follicle.diagnosis.SiteProgress;
import org.follicle.patients.PatientRegistry;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A patient's progress: each site's density from the first measure to the latest, beside what published studies
 * and clinics report for the modality, each figure with its source and strength. Information, never a promise.
 */
@Service
@Transactional(readOnly = true)
class ProgressReports {

    private final PatientRegistry patients;

    private final PatientMeasures measures;

    private final EvidenceLibrary evidence;

    private final MessageSource texts;

    ProgressReports(PatientRegistry patients, PatientMeasures measures, EvidenceLibrary evidence,
            MessageSource texts) {
        this.patients = patients;
        this.measures = measures;
        this.evidence = evidence;
        this.texts = texts;
    }

    Progress of(long patientId, Modality modality) {
        patients.readablePatient(patientId);
        List<SiteProgress> sites = measures.of(patientId);
        Locale locale = LocaleContextHolder.getLocale();
        List<Comparison> published = evidence.figures().stream().filter(f -> f.modality().equals(modality.name()))
                .sorted(java.util.Comparator.comparing(EvidenceLibrary.Figure::strength))
                .map(f -> new Comparison(f.measure(), f.value(), f.unit(), f.months(), f.strength().name(),
                        f.source(), f.texts().getOrDefault(locale.getLanguage(), f.texts().get("en"))))
                .toList();
        boolean baseline = sites.stream().anyMatch(s -> s.densityChange() != null);
        return new Progress(patientId, modality, sites, !baseline, published,
                texts.getMessage("progress.notAPromise", null, locale));
    }

    /** The treatments whose published figures can be shown. */
    enum Modality {
        MESOTHERAPY, PRP
    }

    /** A published figure as the report shows it, in the reader's language. */
    record Comparison(String measure, BigDecimal value, String unit, Integer months, String strength, String source,
            String text) {
    }

    /**
     * @param noChangeYet true while no site has been measured twice: there is no trajectory to show yet
     */
    record Progress(long patientId, Modality modality, List<SiteProgress> sites, boolean noChangeYet,
            List<Comparison> published, String notice) {
    }
}
