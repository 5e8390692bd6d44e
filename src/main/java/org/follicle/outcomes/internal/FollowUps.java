package org.follicle.outcomes.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.follicle.clinics.ClinicDirectory;
import org.follicle.diagnosis.AssessmentSummary;
import org.follicle.diagnosis.PatientMeasures;
import org.follicle.diagnosis.PatientPhotos;
import org.follicle.diagnosis.PhotoRef;
import org.follicle.patients.PatientRegistry;
import org.follicle.patients.PatientView;
import org.follicle.plans.CourseMilestone;
import org.follicle.plans.CourseMilestones;
import org.follicle.security.AuditAction;
import org.follicle.security.AuditLog;
import org.follicle.security.AuditRecord;
import org.follicle.security.Audited;
import org.follicle.security.ClinicAccess;
import org.follicle.security.CurrentStaff;
import org.follicle.security.Privilege;
import org.follicle.system.BusinessRuleException;
import org.follicle.system.RecordNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follow-up visits at the milestones of a course: recorded once with what the protocol asks to measure, each
 * missing measure shown as a gap; voided with a reason, never changed. The global photographic assessment is the
 * practitioner's.
 */
@Service
@Transactional
class FollowUps {

    static final String FOLLOW_UP = "follow-up";

    private final FollowUpStore store;

    private final CourseMilestones milestones;

    private final PatientMeasures measures;

    private final PatientPhotos photos;

    private final PatientRegistry patients;

    private final ClinicDirectory clinics;

    private final ClinicAccess access;

    private final AuditLog audit;

    private final Clock clock;

    private final StaleFacts staleFacts;

    FollowUps(FollowUpStore store, CourseMilestones milestones, PatientMeasures measures, PatientPhotos photos,
            PatientRegistry patients, ClinicDirectory clinics, ClinicAccess access, AuditLog audit, Clock clock,
            StaleFacts staleFacts) {
        this.staleFacts = staleFacts;
        this.store = store;
        this.milestones = milestones;
        this.measures = measures;
        this.photos = photos;
        this.patients = patients;
        this.clinics = clinics;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    Recorded record(long patientId, FollowUpInput in) {
        PatientView patient = patients.openPatient(patientId, Privilege.PATIENT_WRITE);
        CourseMilestone milestone = milestone(patientId, in.planId(), in.milestone());
        if (in.globalScore() != null) {
            // The photographic assessment is a clinical judgement: an assistant records the visit, not the score.
            access.require(Privilege.CLINICAL_WRITE, patient.clinicId());
        }
        Evidence evidence = evidence(patientId);
        check(in, milestone, evidence, clinics.find(patient.clinicId()).orElseThrow().today(clock));
        CurrentStaff me = access.current();
        long id = store.insert(patient.organisationId(), patient.clinicId(), patientId, milestone.months(), in,
                satisfactionScore(in.satisfaction()), in.globalScore() == null ? null : me.username(), me.username(),
                clock.instant())
                .orElseThrow(() -> BusinessRuleException.onField("milestone", "followUp.alreadyRecorded"));
        audit.record(AuditRecord.success(AuditAction.CREATE, FOLLOW_UP, id, patient.clinicId()));
        staleFacts.mark(patientId);
        FollowUpStore.FollowUp saved = store.find(id).orElseThrow();
        return new Recorded(saved, gaps(milestone, saved, evidence));
    }

    /** Every milestone of the patient's courses with its follow-up in force, if any, and that follow-up's gaps. */
    @Transactional(readOnly = true)
    List<MilestoneStatus> milestones(long patientId) {
        patients.readablePatient(patientId);
        List<CourseMilestone> all = milestones.ofPatient(patientId);
        if (all.isEmpty()) {
            return List.of();
        }
        List<FollowUpStore.FollowUp> recorded = store.ofPatient(patientId).stream().filter(f -> !f.voided()).toList();
        Evidence evidence = evidence(patientId);
        audit.record(AuditRecord.success(AuditAction.READ, FOLLOW_UP, patientId, null));
        return all.stream().map(m -> {
            Optional<FollowUpStore.FollowUp> f = recorded.stream()
                    .filter(r -> r.planId() == m.planId() && r.months() == m.months()).findFirst();
            return new MilestoneStatus(m, f.orElse(null), f.map(r -> gaps(m, r, evidence)).orElse(List.of()));
        }).toList();
    }

    /** A follow-up with its milestone, gaps and the photos it compares. */
    @Transactional(readOnly = true)
    @Audited(action = AuditAction.READ, recordType = FOLLOW_UP, recordId = "#followUpId",
            clinicId = "#result.followUp().clinicId()")
    Detail detail(long followUpId) {
        FollowUpStore.FollowUp f = visible(followUpId);
        CourseMilestone milestone = milestone(f.patientId(), f.planId(), f.milestone());
        Evidence evidence = evidence(f.patientId());
        return new Detail(f, milestone, f.voided() ? List.of() : gaps(milestone, f, evidence),
                photo(evidence, f.baselinePhotoId()), photo(evidence, f.currentPhotoId()));
    }

    /** What the form for a milestone offers: the patient's assessments and photos, and the photos to compare. */
    @Transactional(readOnly = true)
    Form form(long patientId, long planId, String milestone) {
        patients.openPatient(patientId, Privilege.PATIENT_WRITE);
        CourseMilestone m = milestone(patientId, planId, milestone);
        Evidence evidence = evidence(patientId);
        // Compare like with like: the latest photo of the visit's view against the first of that view before the
        // course began (or the first of that view at all).
        Optional<PhotoRef> current = evidence.photos().stream().max(Comparator.comparing(PhotoRef::takenOn)
                .thenComparing(PhotoRef::id));
        Optional<PhotoRef> baseline = current.flatMap(c -> evidence.photos().stream()
                .filter(p -> p.view().equals(c.view()) && p.id() != c.id())
                .min(Comparator.comparing(PhotoRef::takenOn).thenComparing(PhotoRef::id)));
        return new Form(m, evidence.assessments(), evidence.photos(), baseline.orElse(null), current.orElse(null),
                evidence.baselineOf(m) == null);
    }

    FollowUpStore.FollowUp voidFollowUp(long followUpId, String reason) {
        FollowUpStore.FollowUp f = visible(followUpId);
        access.require(Privilege.PATIENT_WRITE, f.clinicId());
        String text = reason == null ? "" : reason.trim();
        if (text.length() < 5 || text.length() > 500) {
            throw BusinessRuleException.onField("reason", "followUp.voidReasonRequired");
        }
        if (!store.voidFollowUp(followUpId, text, access.current().username(), clock.instant())) {
            throw new BusinessRuleException("followUp.alreadyVoided");
        }
        audit.record(AuditRecord.success(AuditAction.VOID, FOLLOW_UP, followUpId, f.clinicId()));
        staleFacts.mark(f.patientId());
        return store.find(followUpId).orElseThrow();
    }

    FollowUpStore.FollowUp visible(long followUpId) {
        FollowUpStore.FollowUp f = store.find(followUpId)
                .orElseThrow(() -> new RecordNotFoundException(FOLLOW_UP, followUpId));
        access.requireVisible(Privilege.PATIENT_READ, f.clinicId(), FOLLOW_UP, followUpId);
        return f;
    }

    private CourseMilestone milestone(long patientId, long planId, String milestone) {
        return milestones.of(planId, milestone).filter(m -> m.patientId() == patientId)
                .orElseThrow(() -> BusinessRuleException.onField("milestone", "followUp.milestoneUnknown"));
    }

    private Evidence evidence(long patientId) {
        // A photo the patient sent is not standard photography: it is no evidence for a review.
        return new Evidence(measures.assessments(patientId), photos.of(patientId).stream()
                .filter(p -> !p.submittedByPatient()).toList());
    }

    private static void check(FollowUpInput in, CourseMilestone milestone, Evidence evidence, LocalDate today) {
        if (in.visitOn().isAfter(today)) {
            throw BusinessRuleException.onField("visitOn", "followUp.visitInFuture");
        }
        if (in.visitOn().isBefore(milestone.startsOn())) {
            throw BusinessRuleException.onField("visitOn", "followUp.visitBeforeCourse", milestone.startsOn());
        }
        if (in.assessmentId() != null
                && evidence.assessments().stream().noneMatch(a -> a.id() == in.assessmentId())) {
            throw BusinessRuleException.onField("assessmentId", "followUp.assessmentUnknown");
        }
        for (Long photo : new Long[] { in.baselinePhotoId(), in.currentPhotoId() }) {
            if (photo != null && evidence.photos().stream().noneMatch(p -> p.id() == photo)) {
                throw BusinessRuleException.onField(photo.equals(in.baselinePhotoId()) ? "baselinePhotoId"
                        : "currentPhotoId", "followUp.photoUnknown");
            }
        }
        if (in.globalScore() != null && (in.baselinePhotoId() == null || in.currentPhotoId() == null
                || in.baselinePhotoId().equals(in.currentPhotoId()))) {
            throw BusinessRuleException.onField("globalScore", "followUp.globalScoreNeedsPhotos");
        }
        if (in.satisfaction() != null && !in.satisfaction().isEmpty()
                && in.satisfaction().size() != SatisfactionItem.values().length) {
            throw BusinessRuleException.onField("satisfaction", "followUp.satisfactionIncomplete");
        }
        if (in.adverseEvents() == FollowUpInput.AdverseCheck.REPORTED
                && (in.adverseNote() == null || in.adverseNote().isBlank())) {
            throw BusinessRuleException.onField("adverseNote", "followUp.adverseNoteRequired");
        }
    }

    /** The mean of the satisfaction items, or null when the questionnaire was not answered. */
    static BigDecimal satisfactionScore(Map<SatisfactionItem, Integer> answers) {
        if (answers == null || answers.isEmpty()) {
            return null;
        }
        List<SatisfactionItem> items = SatisfactionItem.satisfactionItems();
        int sum = items.stream().mapToInt(answers::get).sum();
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(items.size()), 2, RoundingMode.HALF_UP);
    }

    /** What the milestone asks for and the follow-up does not have, and a missing baseline. */
    static List<Gap> gaps(CourseMilestone milestone, FollowUpStore.FollowUp f, Evidence evidence) {
        List<Gap> gaps = new ArrayList<>();
        AssessmentSummary assessment = f.assessmentId() == null ? null : evidence.assessments().stream()
                .filter(a -> a.id() == f.assessmentId()).findFirst().orElse(null);
        for (String measure : milestone.measures()) {
            switch (measure) {
                case "PHOTOS" -> {
                    boolean taken = f.currentPhotoId() != null
                            || evidence.photos().stream().anyMatch(p -> p.takenOn().equals(f.visitOn()));
                    if (!taken) {
                        gaps.add(new Gap("PHOTOS", null));
                    }
                }
                case "TRICHOSCOPY" -> {
                    if (assessment == null) {
                        gaps.add(new Gap("TRICHOSCOPY", null));
                    }
                    else {
                        List<String> missing = milestone.sites().stream()
                                .filter(s -> !assessment.sites().contains(s)).toList();
                        if (!missing.isEmpty()) {
                            gaps.add(new Gap("SITES", String.join(", ", missing)));
                        }
                    }
                }
                case "PULL_TEST" -> {
                    if (assessment == null || !assessment.pullTest()) {
                        gaps.add(new Gap("PULL_TEST", null));
                    }
                }
                case "SHEDDING" -> {
                    if (assessment == null || !assessment.shedding()) {
                        gaps.add(new Gap("SHEDDING", null));
                    }
                }
                case "SATISFACTION" -> {
                    if (f.satisfactionScore() == null) {
                        gaps.add(new Gap("SATISFACTION", null));
                    }
                }
                default -> {
                    // A measure a clinic added to its protocol that Follicle does not record is not a gap.
                }
            }
        }
        if (f.globalScore() == null) {
            gaps.add(new Gap("GLOBAL_PHOTO", null));
        }
        if (evidence.baselineOf(milestone) == null) {
            gaps.add(new Gap("BASELINE", milestone.startsOn().toString()));
        }
        return gaps;
    }

    private static PhotoRef photo(Evidence evidence, Long id) {
        return id == null ? null
                : evidence.photos().stream().filter(p -> Objects.equals(p.id(), id)).findFirst().orElse(null);
    }

    /** The patient's measures a follow-up can name. */
    record Evidence(List<AssessmentSummary> assessments, List<PhotoRef> photos) {

        /** The trichoscopy the course's change is measured from: the latest on or before its first day. */
        AssessmentSummary baselineOf(CourseMilestone milestone) {
            return assessments.stream().filter(a -> !a.assessedOn().isAfter(milestone.startsOn())).findFirst()
                    .orElse(null);
        }
    }

    /**
     * A measure the follow-up lacks, as a message key suffix ({@code followUp.gap.PHOTOS}).
     *
     * @param detail the missing sites, or the course's first day for a missing baseline
     */
    record Gap(String code, String detail) {
    }

    record Recorded(FollowUpStore.FollowUp followUp, List<Gap> gaps) {
    }

    record MilestoneStatus(CourseMilestone milestone, FollowUpStore.FollowUp followUp, List<Gap> gaps) {
    }

    record Detail(FollowUpStore.FollowUp followUp, CourseMilestone milestone, List<Gap> gaps, PhotoRef baselinePhoto,
            PhotoRef currentPhoto) {
    }

    record Form(CourseMilestone milestone, List<AssessmentSummary> assessments, List<PhotoRef> photos,
            PhotoRef baselinePhoto, PhotoRef currentPhoto, boolean noBaseline) {
    }
}
