package org.follicle.formulary.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.follicle.formulary.FormulaScreening;
import org.follicle.formulary.FormulaSummary;
import org.follicle.formulary.PatientFormulas;
import org.follicle.intake.Finding;
import org.follicle.intake.RuleClass;
import org.follicle.intake.Screening;
import org.follicle.intake.ScreeningResult;
import org.follicle.patients.PatientRegistry;
import org.follicle.patients.PatientView;
import org.follicle.security.AuditAction;
import org.follicle.security.AuditLog;
import org.follicle.security.AuditOutcome;
import org.follicle.security.AuditRecord;
import org.follicle.security.Audited;
import org.follicle.security.ClinicAccess;
import org.follicle.security.CurrentStaff;
import org.follicle.security.Privilege;
import org.follicle.system.BusinessRuleException;
import org.follicle.system.InvalidFieldsException;
import org.follicle.system.RecordNotFoundException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cocktail formulas: templates, and patients' formulas derived from a template or built freely. Every check of a
 * formula against a patient runs the intake screening with the ingredients' own rules, and reads the ingredients'
 * regulatory alerts for the organisation's jurisdiction; an ingredient whose authorisation is suspended there never
 * goes into a formula.
 */
@Service
@Transactional
class FormulaRecords implements PatientFormulas {

    static final String FORMULA = "formula";

    private final FormulaStore formulas;

    private final IngredientLibrary library;

    private final FormularySettings.Store settings;

    private final Screening screening;

    private final PatientRegistry patients;

    private final ClinicAccess access;

    private final AuditLog audit;

    private final Clock clock;

    FormulaRecords(FormulaStore formulas, IngredientLibrary library, FormularySettings.Store settings,
            Screening screening, PatientRegistry patients, ClinicAccess access, AuditLog audit, Clock clock) {
        this.formulas = formulas;
        this.library = library;
        this.settings = settings;
        this.screening = screening;
        this.patients = patients;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<FormulaView> templates() {
        return formulas.templates(access.current().organisationId());
    }

    @Transactional(readOnly = true)
    FormulaView template(long id) {
        return formulas.find(id).filter(FormulaView::template)
                .filter(f -> f.organisationId() == null || f.organisationId() == access.current().organisationId())
                .orElseThrow(() -> new RecordNotFoundException(FORMULA, id));
    }

    /** A practitioner's own template for the organisation. */
    FormulaView addTemplate(FormulaInput input) {
        if (access.clinicsWith(Privilege.CLINICAL_WRITE).isEmpty()) {
            throw new AccessDeniedException("no clinic to prescribe in");
        }
        CurrentStaff me = access.current();
        validate(me.organisationId(), input);
        long id = formulas.insert(me.organisationId(), null, null, null, null, input, null, me.username(),
                clock.instant());
        audit.record(AuditRecord.success(AuditAction.CREATE, FORMULA, id, null));
        return formulas.find(id).orElseThrow();
    }

    /**
     * Writes a patient's formula, from a template (adjusted) or built freely, and checks it against the patient. A
     * formula the screening excludes for the patient is written only with the practitioner's reason, audited as an
     * override and kept with the formula.
     */
    Checked prescribe(long patientId, Long templateId, FormulaInput input, String exclusionReason) {
        PatientView patient = patients.openPatient(patientId, Privilege.CLINICAL_WRITE);
        if (templateId != null) {
            template(templateId);
        }
        validate(patient.organisationId(), input);
        FormulaCheck check = check(patient, input, LocalDate.now(clock));
        List<Finding> excluding = check.screening().findings().stream()
                .filter(f -> f.ruleClass() == RuleClass.EXCLUDE).toList();
        String reason = exclusionReason == null || exclusionReason.isBlank() ? null : exclusionReason.trim();
        if (!excluding.isEmpty() && reason == null) {
            Locale locale = LocaleContextHolder.getLocale();
            throw BusinessRuleException.onField("exclusionReason", "formula.exclusionNeedsReason",
                    String.join(" ", excluding.stream().map(f -> f.message(locale)).toList()));
        }
        if (!excluding.isEmpty() && reason.length() < 10) {
            throw BusinessRuleException.onField("exclusionReason", "formula.exclusionReasonShort", 10);
        }
        CurrentStaff me = access.current();
        long id = formulas.insert(patient.organisationId(), patient.clinicId(), patientId, null, templateId, input,
                null, me.username(), clock.instant());
        audit.record(AuditRecord.success(AuditAction.CREATE, FORMULA, id, patient.clinicId()));
        if (!excluding.isEmpty()) {
            formulas.recordExclusionReason(id, reason);
            audit.record(new AuditRecord(AuditAction.SCREENING_OVERRIDE, "patient", String.valueOf(patientId),
                    patient.clinicId(), AuditOutcome.SUCCESS, "formula " + id + " "
                            + excluding.stream().map(Finding::ruleId).toList()));
        }
        return new Checked(formulas.find(id).orElseThrow(), check);
    }

    /** Checks a formula (saved or not) against a patient on a session date, without saving anything. */
    @Transactional(readOnly = true)
    @Audited(action = AuditAction.READ, recordType = "screening", recordId = "#patientId")
    FormulaCheck check(long patientId, FormulaInput input, LocalDate sessionDate) {
        PatientView patient = patients.readablePatient(patientId);
        return check(patient, input, sessionDate == null ? LocalDate.now(clock) : sessionDate);
    }

    @Transactional(readOnly = true)
    @Audited(action = AuditAction.READ, recordType = FORMULA, recordId = "#formulaId")
    Checked formula(long patientId, long formulaId) {
        PatientView patient = patients.readablePatient(patientId);
        FormulaView formula = formulas.find(formulaId).filter(f -> Long.valueOf(patientId).equals(f.patientId()))
                .orElseThrow(() -> new RecordNotFoundException(FORMULA, formulaId));
        return new Checked(formula, check(patient, formula.input(), LocalDate.now(clock)));
    }

    @Transactional(readOnly = true)
    @Audited(action = AuditAction.READ, recordType = FORMULA, recordId = "#patientId")
    List<FormulaView> ofPatient(long patientId) {
        patients.readablePatient(patientId);
        return formulas.ofPatient(patientId);
    }

    /** A session's screening of the patient's formula in force; 404 for another patient's or a voided formula. */
    @Transactional(readOnly = true)
    @Override
    public FormulaScreening screen(long patientId, long formulaId, LocalDate date) {
        PatientView patient = patients.readablePatient(patientId);
        FormulaView formula = formulas.find(formulaId)
                .filter(f -> Long.valueOf(patientId).equals(f.patientId()) && !f.voided())
                .orElseThrow(() -> new RecordNotFoundException(FORMULA, formulaId));
        FormulaCheck check = check(patient, formula.input(), date);
        return new FormulaScreening(formulaId, formula.name(), check.screening(),
                check.alerts().stream().filter(FormulaCheck.Alert::blocking).map(FormulaCheck.Alert::message).toList());
    }

    /** For other modules, which check access to the patient themselves. */
    @Override
    public List<FormulaSummary> of(long patientId) {
        return formulas.ofPatient(patientId).stream()
                .map(f -> new FormulaSummary(f.id(), patientId, f.name(), f.voided())).toList();
    }

    /** For the chart, whose opening is audited as a whole. */
    List<FormulaView> ofPatientForChart(long patientId) {
        return formulas.ofPatient(patientId);
    }

    /** Voids a patient's formula (replaced or written by mistake): it stays, marked, with the reason. */
    FormulaView voidFormula(long patientId, long formulaId, String reason) {
        PatientView patient = patients.openPatient(patientId, Privilege.CLINICAL_WRITE);
        String text = reason == null ? "" : reason.trim();
        if (text.length() < 5 || text.length() > 500) {
            throw BusinessRuleException.onField("reason", "formula.voidReasonRequired");
        }
        FormulaView formula = formulas.find(formulaId).filter(f -> Long.valueOf(patientId).equals(f.patientId()))
                .orElseThrow(() -> new RecordNotFoundException(FORMULA, formulaId));
        if (!formulas.voidFormula(formula.id(), text)) {
            throw new BusinessRuleException("formula.alreadyVoided");
        }
        audit.record(new AuditRecord(AuditAction.VOID, FORMULA, String.valueOf(formulaId), patient.clinicId(),
                AuditOutcome.SUCCESS, null));
        return formulas.find(formulaId).orElseThrow();
    }

    private FormulaCheck check(PatientView patient, FormulaInput input, LocalDate date) {
        Map<String, IngredientStore.Ingredient> ingredients = library.byCode(patient.organisationId(),
                new HashSet<>(input.codes()));
        ScreeningResult result = screening.screen(patient.id(), input.modality(), date,
                library.formulaRules(ingredients.values()));
        return new FormulaCheck(result, alerts(patient.organisationId(), ingredients));
    }

    private List<FormulaCheck.Alert> alerts(long organisationId, Map<String, IngredientStore.Ingredient> ingredients) {
        String jurisdiction = settings.of(organisationId).jurisdiction().name();
        Locale locale = LocaleContextHolder.getLocale();
        List<FormulaCheck.Alert> alerts = new ArrayList<>();
        for (IngredientStore.Ingredient i : ingredients.values()) {
            for (IngredientData.RegulatoryAlert a : i.data().alertsIn(jurisdiction)) {
                alerts.add(new FormulaCheck.Alert(i.code(), i.data().name(locale), a.jurisdiction(), a.status(),
                        a.blocksActiveFormula(), a.message(locale), a.source()));
            }
        }
        return alerts;
    }

    /**
     * Refuses a formula whose ingredients are unknown, repeated, without a unit for their concentration, or kept out
     * of any formula in the organisation's jurisdiction (with the reason).
     */
    private void validate(long organisationId, FormulaInput input) {
        Map<String, String> problems = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < input.ingredients().size(); i++) {
            FormulaInput.Component c = input.ingredients().get(i);
            if (!seen.add(c.code())) {
                problems.put("ingredients[" + i + "].code", "formula.ingredientTwice");
            }
            if (c.concentration() != null && (c.unit() == null || c.unit().isBlank())) {
                problems.put("ingredients[" + i + "].unit", "formula.unitRequired");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException("formula.invalid", problems);
        }
        alerts(organisationId, library.byCode(organisationId, seen)).stream().filter(FormulaCheck.Alert::blocking)
                .findFirst().ifPresent(a -> {
                    throw BusinessRuleException.onField("ingredients", "formula.ingredientBlocked",
                            a.ingredientName(), a.message());
                });
    }

    record Checked(FormulaView formula, FormulaCheck check) {
    }
}
