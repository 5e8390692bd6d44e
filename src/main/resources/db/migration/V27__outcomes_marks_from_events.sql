-- The cohort facts' marks (outcomes_stale) are written by the outcomes module from the facts the other modules publish
-- (StaleFacts), in the transaction of each change, no longer by triggers that outcomes installed on their tables.
DO $$
DECLARE
    record_table TEXT;
BEGIN
    FOREACH record_table IN ARRAY ARRAY['plans_plan', 'patients_patient', 'diagnosis_diagnosis', 'diagnosis_assessment',
            'diagnosis_site', 'scheduling_appointment', 'scheduling_appointment_type', 'sessions_session',
            'sessions_adverse_event', 'outcomes_follow_up', 'formulary_administration', 'formulary_stock_movement',
            'formulary_lot'] LOOP
        EXECUTE format('DROP TRIGGER IF EXISTS outcomes_stale_insert ON %I', record_table);
        EXECUTE format('DROP TRIGGER IF EXISTS outcomes_stale_update ON %I', record_table);
        EXECUTE format('DROP TRIGGER IF EXISTS outcomes_stale_delete ON %I', record_table);
    END LOOP;
END $$;
DROP FUNCTION outcomes_mark_stale();
