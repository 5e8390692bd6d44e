-- The database's side of signing alone, the ceiling of the write-path target (docs/performance.md): the booked
-- visits that perf/signing-writes.sql signs, one each, in the order the simulation would. Run it on the generated
-- data set before any signing simulation (they take the same visits), and put the data set back afterwards
-- (perf/data-set.sh restore). The large scale's 30,000 visits last about 45 s at this machine's 650 a second: a
-- client that finds none left stops the run.
--   psql -f perf/signing-writes-setup.sql <database>
--   pgbench -n -c 16 -j 2 -T 20 -f perf/signing-writes.sql <database>
DROP TABLE IF EXISTS bench_visit;
DROP SEQUENCE IF EXISTS bench_visit_next;
CREATE SEQUENCE bench_visit_next;
CREATE TABLE bench_visit AS
SELECT row_number() OVER (ORDER BY a.starts_at, a.id) AS n, a.id AS appointment_id, a.organisation_id,
    a.clinic_id, a.patient_id, a.practitioner_id, a.version,
    (SELECT k.lot_id FROM formulary_stock k JOIN formulary_lot l ON l.id = k.lot_id
        JOIN formulary_product pr ON pr.id = l.product_id
     WHERE k.clinic_id = a.clinic_id AND k.quantity > 0 AND l.expiry > current_date
       AND pr.sku = CASE a.type_code WHEN 'PRP' THEN 'PRP-KIT' ELSE 'HA-NR' END
     ORDER BY l.expiry LIMIT 1) AS lot_id,
    CASE a.type_code WHEN 'PRP' THEN 'PRP' ELSE 'MECHANICAL' END AS modality
FROM scheduling_appointment a
WHERE a.status = 'BOOKED' AND a.type_code IN ('PRP', 'MESOTHERAPY')
  AND NOT EXISTS (SELECT 1 FROM sessions_session x WHERE x.appointment_id = a.id);
ALTER TABLE bench_visit ADD PRIMARY KEY (n);
-- What Follicle writes for one signing, at its size: an intake of the generator's, the simulation's pre-check and
-- chart, an aftercare email as Follicle words it.
DROP TABLE IF EXISTS bench_signing_text;
CREATE TABLE bench_signing_text AS
SELECT (SELECT document FROM intake_form ORDER BY id DESC LIMIT 1) AS intake,
    '{"fever": "NO", "pregnancy": "NO", "scalpToday": {"sunburn": "NO", "infection": "NO", "openWound": "NO",
      "inflammation": "NO", "psoriasisOrDermatitis": "NO"}, "newMedicines": []}'::jsonb AS precheck,
    '{"prp": null, "lots": [{"lotId": 48, "quantity": 1}], "pain": 3, "zones": [{"zone": "FRONTAL", "points": 40,
      "volumeMl": 2.0}, {"zone": "VERTEX", "points": 40, "volumeMl": 2.0}], "depthMm": 1.5, "technique":
      "POINT_BY_POINT", "needleGauge": 30, "durationMinutes": 45}'::jsonb AS chart,
    repeat('Después de su sesión de hoy, evite sauna, piscina y sol directo. ', 7) AS aftercare;
SELECT count(*) AS visits FROM bench_visit;
