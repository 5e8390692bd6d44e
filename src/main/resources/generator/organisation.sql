-- One generated organisation (OrganisationGenerator): ${org} is its id, ${clinics} and ${patients} the scale, ${seed}
-- the seed, ${password} the staff's password hash, ${intake} a healthy intake document. Each statement ends with a
-- semicolon at the end of its line. One session: the temporary tables live until the end.
--
-- Reproducible: one seed, one plan order. Parallel workers would draw random() in a different order each time.
SET max_parallel_workers_per_gather = 0;
SET work_mem = '256MB';
-- The cohort facts are filled at the end for the whole organisation (the bulk loads publish no events to mark them).
SELECT setseed(${seed});

-- Clinics in France, Spain and the United Kingdom, taken in turn so that a small scale still has two countries.
CREATE TEMP TABLE load_city (k int, name text, zone text, lang text, phone text) ON COMMIT PRESERVE ROWS;
INSERT INTO load_city VALUES
  (0, 'Paris Opéra', 'Europe/Paris', 'fr', '+33 1'), (1, 'Madrid Salamanca', 'Europe/Madrid', 'es', '+34 91'),
  (2, 'London Harley Street', 'Europe/London', 'en', '+44 20'), (3, 'Lyon Bellecour', 'Europe/Paris', 'fr', '+33 4'),
  (4, 'Barcelona Eixample', 'Europe/Madrid', 'es', '+34 93'), (5, 'Manchester', 'Europe/London', 'en', '+44 161'),
  (6, 'Marseille Prado', 'Europe/Paris', 'fr', '+33 4'), (7, 'Valencia Ruzafa', 'Europe/Madrid', 'es', '+34 96'),
  (8, 'Birmingham', 'Europe/London', 'en', '+44 121'), (9, 'Bordeaux Chartrons', 'Europe/Paris', 'fr', '+33 5'),
  (10, 'Sevilla Nervión', 'Europe/Madrid', 'es', '+34 95'), (11, 'Leeds', 'Europe/London', 'en', '+44 113'),
  (12, 'Toulouse Capitole', 'Europe/Paris', 'fr', '+33 5'), (13, 'Bilbao Abando', 'Europe/Madrid', 'es', '+34 94'),
  (14, 'Edinburgh', 'Europe/London', 'en', '+44 131'), (15, 'Nantes', 'Europe/Paris', 'fr', '+33 2'),
  (16, 'Madrid Chamberí', 'Europe/Madrid', 'es', '+34 91'), (17, 'London Canary Wharf', 'Europe/London', 'en', '+44 20'),
  (18, 'Lille', 'Europe/Paris', 'fr', '+33 3'), (19, 'Paris Bastille', 'Europe/Paris', 'fr', '+33 1');
INSERT INTO clinics_clinic (organisation_id, name, time_zone, created_at, created_by, changed_at, changed_by)
SELECT ${org}, 'Follicle ' || name, zone, now(), 'generator', now(), 'generator' FROM load_city WHERE k < ${clinics} ORDER BY k;
CREATE TEMP TABLE load_clinic AS
SELECT c.id, l.k, l.lang, l.phone FROM clinics_clinic c JOIN load_city l ON c.name = 'Follicle ' || l.name
WHERE c.organisation_id = ${org};
INSERT INTO clinics_room (organisation_id, clinic_id, name, created_at, created_by, changed_at, changed_by)
SELECT ${org}, c.id, 'Room ' || r, now(), 'generator', now(), 'generator' FROM load_clinic c, generate_series(1, 3) r;
-- Monday to Friday 08:00-20:00, Saturday morning.
INSERT INTO scheduling_opening_hours (clinic_id, day_of_week, opens, closes)
SELECT c.id, d, TIME '08:00', CASE WHEN d = 6 THEN TIME '13:00' ELSE TIME '20:00' END
FROM load_clinic c, generate_series(1, 6) d;
INSERT INTO scheduling_appointment_type (organisation_id, code, duration_minutes, treatment, min_interval_days, price)
VALUES (${org}, 'CONSULTATION', 30, FALSE, 0, 80), (${org}, 'MESOTHERAPY', 30, TRUE, 6, 180),
       (${org}, 'PRP', 60, TRUE, 21, 450), (${org}, 'FOLLOW_UP', 20, FALSE, 0, 0);

-- Names in French, Spanish and English: family names, then men's and women's given names.
CREATE TEMP TABLE load_names (lang text, family text[], male text[], female text[]);
INSERT INTO load_names VALUES
  ('fr', ARRAY['Martin','Bernard','Dubois','Thomas','Robert','Richard','Petit','Durand','Leroy','Moreau','Simon',
               'Laurent','Lefèvre','Michel','Garcia','David','Bertrand','Roux','Vincent','Fournier','Morel','Girard',
               'André','Lefebvre','Mercier','Dupont','Lambert','Bonnet','François','Martinez','Legrand','Garnier',
               'Faure','Rousseau','Blanc','Guérin','Muller','Henry','Roussel','Nicolas','Perrin','Morin','Mathieu',
               'Clément','Gauthier','Dumont','Lopez','Fontaine','Chevalier','Robin'],
         ARRAY['Jean','Pierre','Michel','Philippe','Alain','Nicolas','Christophe','Patrick','Laurent','Julien','Thomas',
               'Antoine','Mathieu','Sébastien','Olivier','Éric','François','Stéphane','Hugo','Lucas','Théo','Maxime',
               'Romain','Benoît','Jérôme'],
         ARRAY['Marie','Nathalie','Isabelle','Sylvie','Catherine','Sophie','Valérie','Christine','Céline','Julie',
               'Sandrine','Aurélie','Émilie','Camille','Claire','Hélène','Chloé','Léa','Manon','Inès','Élodie',
               'Anne','Agnès','Mélanie','Laure']),
  ('es', ARRAY['García','Rodríguez','González','Fernández','López','Martínez','Sánchez','Pérez','Gómez','Martín',
               'Jiménez','Ruiz','Hernández','Díaz','Moreno','Muñoz','Álvarez','Romero','Alonso','Gutiérrez','Navarro',
               'Torres','Domínguez','Vázquez','Ramos','Gil','Ramírez','Serrano','Blanco','Molina','Morales','Suárez',
               'Ortega','Delgado','Castro','Ortiz','Rubio','Marín','Sanz','Núñez','Iglesias','Medina','Garrido',
               'Cortés','Castillo','Santos','Lozano','Guerrero','Cano','Prieto'],
         ARRAY['Antonio','Manuel','José','Francisco','David','Juan','Javier','Daniel','Carlos','Jesús','Alejandro',
               'Miguel','Rafael','Pablo','Sergio','Fernando','Jorge','Alberto','Álvaro','Adrián','Diego','Raúl',
               'Iván','Rubén','Óscar'],
         ARRAY['María','Carmen','Ana','Isabel','Laura','Cristina','Marta','Lucía','Elena','Pilar','Sara','Paula',
               'Raquel','Rosa','Beatriz','Silvia','Patricia','Nuria','Irene','Andrea','Sofía','Alba','Claudia',
               'Inés','Mónica']),
  ('en', ARRAY['Smith','Jones','Williams','Taylor','Brown','Davies','Evans','Wilson','Thomas','Johnson','Roberts',
               'Robinson','Thompson','Wright','Walker','White','Edwards','Hughes','Green','Hall','Lewis','Harris',
               'Clarke','Patel','Jackson','Wood','Turner','Martin','Cooper','Hill','Ward','Morris','Moore','Clark',
               'Lee','King','Baker','Harrison','Morgan','Allen','James','Scott','Phillips','Watson','Davis','Parker',
               'Price','Bennett','Young','Griffiths'],
         ARRAY['James','John','David','Michael','Paul','Andrew','Mark','Richard','Peter','Daniel','Oliver','Thomas',
               'George','Harry','Jack','Samuel','Matthew','Christopher','Stephen','William','Joseph','Benjamin',
               'Edward','Henry','Alexander'],
         ARRAY['Sarah','Emma','Claire','Rachel','Laura','Emily','Sophie','Charlotte','Hannah','Rebecca','Jessica',
               'Amy','Lucy','Olivia','Grace','Chloe','Katie','Helen','Victoria','Jennifer','Elizabeth','Alice',
               'Megan','Ellie','Susan']);
-- Folding as the patient search does for these names (lower case, accents removed).
CREATE FUNCTION pg_temp.load_fold(text) RETURNS text LANGUAGE sql IMMUTABLE AS
  'SELECT translate(lower($1), ''áàâäéèêëíìîïóòôöúùûüñç'', ''aaaaeeeeiiiioooouuuunc'')';

-- Staff of each clinic: twelve practitioners (the twelfth sees new patients in consultation, the others run
-- courses), two assistants, two receptionists (assistants too) and a manager; a director over every clinic. Usernames load.c<clinic>.<role><n>; one password, one API token each.
CREATE TEMP TABLE load_staff AS
SELECT c.id AS clinic_id, c.k, r.role, r.username_role, n,
       'load.c' || (c.k + 1) || '.' || r.username_role || n AS username, c.lang
FROM load_clinic c
CROSS JOIN (VALUES ('PRACTITIONER', 'practitioner', 12), ('ASSISTANT', 'assistant', 2), ('ASSISTANT', 'reception', 2),
                   ('ADMIN', 'manager', 1)) r(role, username_role, count)
CROSS JOIN LATERAL generate_series(1, r.count) n;
INSERT INTO security_staff (organisation_id, username, display_name, email, password_hash, locale, password_changed_at,
    created_at, created_by, changed_at, changed_by)
SELECT ${org}, s.username,
       CASE s.role WHEN 'PRACTITIONER' THEN 'Dr ' ELSE '' END
         || CASE WHEN (s.k + s.n) % 2 = 0 THEN names.male[1 + (s.k * 7 + s.n * 3) % 25] ELSE names.female[1 + (s.k * 5 + s.n * 11) % 25] END
         || ' ' || names.family[1 + (s.k * 13 + s.n * 17 + length(s.username_role)) % 50],
       s.username || '@clinic.example', '${password}', s.lang, now(), now(), 'generator', now(), 'generator'
FROM load_staff s JOIN load_names names ON names.lang = s.lang ORDER BY s.k, s.username;
INSERT INTO security_staff (organisation_id, username, display_name, email, password_hash, locale, password_changed_at,
    created_at, created_by, changed_at, changed_by)
VALUES (${org}, 'load.director', 'Claire Fontaine', 'load.director@clinic.example', '${password}', 'en', now(), now(),
    'generator', now(), 'generator');
INSERT INTO security_clinic_role (staff_id, clinic_id, role)
SELECT st.id, s.clinic_id, s.role FROM load_staff s JOIN security_staff st ON st.username = s.username;
INSERT INTO security_clinic_role (staff_id, clinic_id, role)
SELECT st.id, c.id, 'ADMIN' FROM security_staff st, load_clinic c WHERE st.username = 'load.director';
INSERT INTO security_access_token (staff_id, name, token_hash, token_hint, created_at)
SELECT id, 'load test', encode(sha256(convert_to('flc_load_' || username, 'UTF8')), 'hex'), 'flc_load', now()
FROM security_staff WHERE organisation_id = ${org};
-- Practitioners work the clinic's weekday hours.
INSERT INTO scheduling_working_hours (clinic_id, practitioner_id, day_of_week, starts, ends)
SELECT s.clinic_id, st.id, d, TIME '08:00', TIME '20:00'
FROM load_staff s JOIN security_staff st ON st.username = s.username CROSS JOIN generate_series(1, 5) d
WHERE s.role = 'PRACTITIONER' ORDER BY st.id, d;
CREATE TEMP TABLE load_practitioner AS
SELECT s.clinic_id, s.n - 1 AS n, st.id FROM load_staff s JOIN security_staff st ON st.username = s.username
WHERE s.role = 'PRACTITIONER';

-- Patients (g over the organisation, h within the clinic): most named in their clinic's language, one in seven from another; the condition (kind) decides the
-- sex. Phones for most, emails for two in three.
CREATE TEMP TABLE load_patient AS
SELECT g, g / ${clinics} AS h, c.id AS clinic_id, c.k, c.phone AS phone_prefix, c.lang AS clinic_lang,
       CASE WHEN random() < 0.86 THEN c.lang ELSE (ARRAY['fr','es','en'])[1 + floor(random() * 3)::int] END AS lang,
       floor(random() * 100)::int AS kind, random() AS r1, random() AS r2, random() AS r3,
       DATE '1946-01-01' + floor(random() * 20000)::int AS born
FROM generate_series(1, ${patients}) g JOIN load_clinic c ON c.k = g % ${clinics};
-- kind: 0-44 male pattern loss, 45-74 female pattern loss, 75-89 chronic telogen effluvium, 90-99 alopecia areata.
INSERT INTO patients_patient (organisation_id, clinic_id, file_number, family_name, given_name, birth_date, sex, phone,
    email, preferred_language, family_key, given_key, phone_key, email_key, created_at, created_by, changed_at, changed_by)
SELECT ${org}, p.clinic_id, 'L' || lpad(p.g::text, 7, '0'), f.family, f.given, p.born, f.sex, f.phone, e.email, p.lang,
       pg_temp.load_fold(f.family), pg_temp.load_fold(f.given), reverse(regexp_replace(f.phone, '\D', '', 'g')),
       e.email, now() - INTERVAL '3 years', 'generator', now(), 'generator'
FROM load_patient p JOIN load_names n ON n.lang = p.lang
CROSS JOIN LATERAL (SELECT n.family[1 + floor(p.r1 * 50)::int] AS family,
        CASE WHEN p.kind < 45 OR (p.kind >= 75 AND p.r2 < 0.3) THEN n.male[1 + floor(p.r2 * 25)::int]
             ELSE n.female[1 + floor(p.r2 * 25)::int] END AS given,
        CASE WHEN p.kind < 45 OR (p.kind >= 75 AND p.r2 < 0.3) THEN 'MALE' ELSE 'FEMALE' END AS sex,
        CASE WHEN p.r3 < 0.9 THEN p.phone_prefix || ' ' || to_char(10000000 + p.g * 7919 % 90000000, 'FM00 00 00 00') END AS phone) f
CROSS JOIN LATERAL (SELECT CASE WHEN p.r3 < 0.66 THEN pg_temp.load_fold(f.given) || '.' || pg_temp.load_fold(f.family)
        || p.g || '@mail.example' END AS email) e
ORDER BY p.g;
CREATE TEMP TABLE load_person AS
SELECT p.*, pt.id AS patient_id FROM load_patient p JOIN patients_patient pt
  ON pt.organisation_id = ${org} AND pt.file_number = 'L' || lpad(p.g::text, 7, '0');
CREATE UNIQUE INDEX ON load_person (patient_id);

-- A healthy intake, and the consents each course needs (data processing, photography, the treatment's own).
INSERT INTO intake_form (organisation_id, clinic_id, patient_id, questionnaire_version, document, recorded_at, recorded_by)
SELECT ${org}, clinic_id, patient_id, 1, '${intake}'::jsonb, now() - INTERVAL '3 years', 'generator' FROM load_person ORDER BY g;
INSERT INTO intake_consent (organisation_id, clinic_id, patient_id, type, document_version, language, signer_name,
    signature_png, signed_at, witness, witness_name, pdf)
SELECT ${org}, p.clinic_id, p.patient_id, t.type, 1, p.lang, pt.given_name || ' ' || pt.family_name,
       '\x89504e470d0a1a0a'::bytea, now() - INTERVAL '3 years', 'generator', 'Generator',
       convert_to('%PDF-1.4 generated consent', 'UTF8')
FROM load_person p JOIN patients_patient pt ON pt.id = p.patient_id
CROSS JOIN (VALUES ('DATA_PROCESSING'), ('PHOTOGRAPHY'), ('MESOTHERAPY'), ('PRP')) t(type)
WHERE t.type IN ('DATA_PROCESSING', 'PHOTOGRAPHY')
   OR (t.type = 'PRP' AND (p.kind >= 90 OR p.h % 4 = 0 OR p.h % 9 = 0))
   OR (t.type = 'MESOTHERAPY' AND NOT (p.kind >= 90 OR (p.kind < 75 AND p.h % 4 = 0)))
ORDER BY p.g, t.type;

-- The knowledge base's conditions at the rates above, with a stage for pattern loss.
INSERT INTO diagnosis_diagnosis (organisation_id, clinic_id, patient_id, category, stage, practitioner,
    practitioner_name, recorded_at)
SELECT ${org}, p.clinic_id, p.patient_id,
       CASE WHEN p.kind < 45 THEN 'AGA_MALE' WHEN p.kind < 75 THEN 'AGA_FEMALE' WHEN p.kind < 90 THEN 'TELOGEN_EFFLUVIUM_CHRONIC'
            ELSE 'ALOPECIA_AREATA_PATCHY' END,
       CASE WHEN p.kind < 45 THEN 'Norwood ' || (ARRAY['II','III','III vertex','IV','V'])[1 + p.h % 5]
            WHEN p.kind < 75 THEN 'Ludwig ' || (ARRAY['I','II','III'])[1 + p.h % 3] END,
       'generator', 'Generator', now() - INTERVAL '3 years'
FROM load_person p ORDER BY p.g;

-- Courses. Everyone has one, started over the last 26 months; one patient in twenty had an earlier mesotherapy
-- course three to five years ago (the five years of history a chart must show quickly). The protocol follows the
-- diagnosis; a course starts on a weekday.
CREATE TEMP TABLE load_course AS
SELECT p.patient_id, p.clinic_id, p.g, pr.code, pr.definition, lp.id AS practitioner_id, s.starts_on, s.status
FROM load_person p
JOIN load_practitioner lp ON lp.clinic_id = p.clinic_id AND lp.n = p.h % 11
CROSS JOIN LATERAL (VALUES (0), (1)) course(n)
CROSS JOIN LATERAL (SELECT CASE WHEN course.n = 0 THEN current_date - 20 - floor(random() * 780 + 0 * p.g)::int
                                ELSE current_date - 1100 - floor(random() * 700 + 0 * p.g)::int END AS day,
                           random() AS r) d
CROSS JOIN LATERAL (SELECT d.day - CASE extract(isodow FROM d.day) WHEN 6 THEN 1 WHEN 7 THEN 2 ELSE 0 END AS starts_on,
        CASE WHEN course.n = 1 THEN 'COMPLETED' WHEN d.day > current_date - 100 THEN 'ACTIVE'
             WHEN d.r < 0.08 THEN 'STOPPED' ELSE 'COMPLETED' END AS status) s
JOIN plans_protocol pr ON pr.organisation_id IS NULL AND pr.code = CASE
    WHEN course.n = 1 THEN 'MESO_AGA' WHEN p.kind >= 90 THEN 'PRP' WHEN p.kind >= 75 THEN 'MESO_TE'
    WHEN p.h % 4 = 0 THEN 'PRP' WHEN p.h % 9 = 0 THEN 'MESO_PRP' ELSE 'MESO_AGA' END
WHERE course.n = 0 OR (p.h % 20 = 0 AND p.kind < 75)
ORDER BY p.g, course.n;
INSERT INTO plans_plan (organisation_id, clinic_id, patient_id, protocol_code, protocol, practitioner_id, starts_on,
    session_time, status, status_reason, created_at, created_by, changed_at, changed_by)
SELECT ${org}, clinic_id, patient_id, code, definition, practitioner_id, starts_on, TIME '08:00', status,
       CASE status WHEN 'STOPPED' THEN 'Patient moved away' END, starts_on - 7, 'generator', now(), 'generator'
FROM load_course ORDER BY g, starts_on;

-- The visits on the protocol's days: weekly then fortnightly (MESO_AGA), fortnightly (MESO_TE, MESO_PRP alternating
-- PRP and mesotherapy), monthly (PRP; a Saturday or Sunday moves to the Monday). A stopped course did two. Attended
-- before today, one in fifty missed and one in thirty cancelled; booked for the next three months.
CREATE TEMP TABLE load_visit AS
SELECT p.id AS plan_id, p.clinic_id, p.patient_id, p.practitioner_id, o.seq, v.day,
       CASE WHEN p.protocol_code = 'PRP' OR (p.protocol_code = 'MESO_PRP' AND o.seq % 2 = 1) THEN 'PRP'
            ELSE 'MESOTHERAPY' END AS type,
       CASE WHEN v.day >= current_date THEN 'BOOKED' WHEN random() < 0.02 THEN 'NO_SHOW'
            WHEN random() < 0.033 THEN 'CANCELLED' ELSE 'ATTENDED' END AS status
FROM plans_plan p
JOIN LATERAL unnest(CASE p.protocol_code WHEN 'MESO_AGA' THEN ARRAY[0,7,14,21,35,49,63,77] WHEN 'PRP' THEN ARRAY[0,1,2]
                         ELSE ARRAY[0,14,28,42,56,70] END) WITH ORDINALITY o(step, seq) ON TRUE
CROSS JOIN LATERAL (SELECT CASE WHEN p.protocol_code = 'PRP' THEN (p.starts_on + o.step * INTERVAL '1 month')::date
                                ELSE p.starts_on + o.step END AS raw) r
CROSS JOIN LATERAL (SELECT r.raw + CASE extract(isodow FROM r.raw) WHEN 6 THEN 2 WHEN 7 THEN 1 ELSE 0 END AS day) v
WHERE p.organisation_id = ${org} AND v.day < current_date + 90 AND (p.status <> 'STOPPED' OR o.seq <= 2)
ORDER BY p.id, o.seq;
-- Each practitioner's day fills from 08:00 in turn (a PRP takes an hour, mesotherapy half an hour): nobody is ever
-- in two places, so the double-booking constraints hold. Cancelled visits keep their time, as the calendar does.
INSERT INTO scheduling_appointment (organisation_id, clinic_id, patient_id, practitioner_id, type_code, starts_at,
    ends_at, status, plan_id, plan_sequence, status_reason, created_at, created_by, changed_at, changed_by)
SELECT ${org}, t.clinic_id, t.patient_id, t.practitioner_id, t.type,
       (t.day + TIME '08:00' + t.before * INTERVAL '1 minute') AT TIME ZONE c.time_zone,
       (t.day + TIME '08:00' + (t.before + t.minutes) * INTERVAL '1 minute') AT TIME ZONE c.time_zone,
       t.status, t.plan_id, t.seq, CASE t.status WHEN 'CANCELLED' THEN 'Patient unwell' END,
       t.day - 30 + TIME '12:00', 'generator', now(), 'generator'
FROM (SELECT v.*, CASE type WHEN 'PRP' THEN 60 ELSE 30 END AS minutes,
             coalesce(sum(CASE type WHEN 'PRP' THEN 60 ELSE 30 END) OVER (PARTITION BY practitioner_id, day
                 ORDER BY plan_id, seq ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before
      FROM load_visit v) t
JOIN clinics_clinic c ON c.id = t.clinic_id
ORDER BY t.day, t.practitioner_id, t.before;

-- Products and their lots: one lot of each product per quarter, kept 18 months; the newest expire next year.
INSERT INTO formulary_product (organisation_id, sku, name, manufacturer, form, volume_ml, purpose, cost, retail_price,
    vat_rate, currency, reorder_level, created_at, created_by)
VALUES (${org}, 'DUT-001', 'Dutasteride 0.01% 2 ml', 'Mesoestetic', 'VIAL', 2, 'INJECTION', 14.50, NULL, 20, 'EUR', 40, now(), 'generator'),
       (${org}, 'BIO-005', 'Biotin 5 mg/ml 5 ml', 'Fusion Meso', 'VIAL', 5, 'INJECTION', 6.20, NULL, 20, 'EUR', 40, now(), 'generator'),
       (${org}, 'HA-NR', 'Non-crosslinked hyaluronic acid 3 ml', 'Filorga', 'VIAL', 3, 'INJECTION', 11.90, NULL, 20, 'EUR', 40, now(), 'generator'),
       (${org}, 'PEP-CU', 'Copper peptide complex 5 ml', 'Dr. Cyj', 'VIAL', 5, 'INJECTION', 17.80, NULL, 20, 'EUR', 30, now(), 'generator'),
       (${org}, 'PRP-KIT', 'PRP kit 10 ml tube', 'RegenLab', 'KIT', 10, 'INJECTION', 39.00, NULL, 20, 'EUR', 20, now(), 'generator'),
       (${org}, 'SER-30', 'Hair serum 30 ml', 'Follicle Lab', 'VIAL', 30, 'RETAIL', 9.50, 29.00, 20, 'EUR', 10, now(), 'generator');
CREATE TEMP TABLE load_lot AS
SELECT p.id AS product_id, p.sku, q, (date_trunc('quarter', current_date) - (q * INTERVAL '3 months'))::date AS received_on
FROM formulary_product p, generate_series(0, 20) q WHERE p.organisation_id = ${org};
INSERT INTO formulary_lot (organisation_id, product_id, lot_number, expiry, supplier_reference, received_at, received_by)
SELECT ${org}, product_id, sku || '-' || to_char(received_on, 'YYYY"Q"Q'), (received_on + INTERVAL '18 months')::date,
       'PO-' || to_char(received_on, 'YYYYMM'), received_on, 'generator'
FROM load_lot ORDER BY product_id, q;

-- Each attended visit was a signed session with its preparation: mesotherapy draws two products (the cocktail's
-- active and hyaluronic acid), PRP one kit, from the lots of the visit's quarter.
INSERT INTO formulary_preparation (organisation_id, clinic_id, request_key, prepared_at, prepared_by)
SELECT ${org}, clinic_id, 'load-a' || id, starts_at, 'generator'
FROM scheduling_appointment WHERE organisation_id = ${org} AND status = 'ATTENDED' ORDER BY id;
-- Statistics of what was just written, or the planner may join preparations to appointments in a nested loop
-- (minutes instead of a second), depending on whether autovacuum has been by. A role that does not own the tables
-- cannot analyse them (the application's own, before PostgreSQL 17), so nested loops are also ruled out here.
ANALYZE formulary_preparation;
ANALYZE scheduling_appointment;
ANALYZE formulary_lot;
SET enable_nestloop = off;
CREATE TEMP TABLE load_use AS
SELECT f.id AS preparation_id, f.clinic_id, f.prepared_at, a.patient_id, l.id AS lot_id
FROM formulary_preparation f
JOIN scheduling_appointment a ON a.organisation_id = ${org} AND 'load-a' || a.id = f.request_key
CROSS JOIN LATERAL unnest(CASE a.type_code WHEN 'PRP' THEN ARRAY['PRP-KIT']
        ELSE ARRAY[(ARRAY['DUT-001','BIO-005','PEP-CU'])[1 + a.patient_id % 3], 'HA-NR'] END) sku
JOIN formulary_product pr ON pr.organisation_id = ${org} AND pr.sku = sku.sku
JOIN formulary_lot l ON l.product_id = pr.id
  AND l.lot_number = pr.sku || '-' || to_char(date_trunc('quarter', f.prepared_at), 'YYYY"Q"Q')
WHERE f.organisation_id = ${org};
RESET enable_nestloop;
-- Each lot came into each clinic once: what was used, and 2,000 more of the lots still in date.
CREATE TEMP TABLE load_receipt AS
SELECT l.id AS lot_id, c.id AS clinic_id, l.received_at,
       coalesce(u.used, 0) + CASE WHEN l.expiry > current_date THEN 2000 ELSE 0 END AS quantity
FROM formulary_lot l CROSS JOIN load_clinic c
LEFT JOIN (SELECT lot_id, clinic_id, count(*) AS used FROM load_use GROUP BY lot_id, clinic_id) u
  ON u.lot_id = l.id AND u.clinic_id = c.id
WHERE l.organisation_id = ${org} AND (u.used IS NOT NULL OR l.expiry > current_date);
INSERT INTO formulary_stock_movement (organisation_id, clinic_id, lot_id, kind, quantity, balance_after, reason,
    recorded_at, recorded_by)
SELECT ${org}, clinic_id, lot_id, 'RECEIVED', quantity, quantity, 'Delivery', received_at, 'generator'
FROM load_receipt ORDER BY received_at, lot_id, clinic_id;
INSERT INTO formulary_stock_movement (organisation_id, clinic_id, lot_id, kind, quantity, balance_after,
    preparation_id, recorded_at, recorded_by)
SELECT ${org}, u.clinic_id, u.lot_id, 'USED', -1,
       r.quantity - row_number() OVER (PARTITION BY u.lot_id, u.clinic_id ORDER BY u.prepared_at, u.preparation_id),
       u.preparation_id, u.prepared_at, 'generator'
FROM load_use u JOIN load_receipt r ON r.lot_id = u.lot_id AND r.clinic_id = u.clinic_id
ORDER BY u.prepared_at, u.preparation_id;
INSERT INTO formulary_stock (lot_id, clinic_id, organisation_id, quantity)
SELECT lot_id, clinic_id, ${org}, CASE WHEN l.expiry > current_date THEN 2000 ELSE 0 END
FROM load_receipt r JOIN formulary_lot l ON l.id = r.lot_id;
INSERT INTO formulary_administration (preparation_id, organisation_id, clinic_id, patient_id, session_ref,
    administered_at, recorded_by)
SELECT DISTINCT ON (preparation_id) preparation_id, ${org}, clinic_id, patient_id, 'load', prepared_at, 'generator'
FROM load_use ORDER BY preparation_id;

INSERT INTO sessions_session (organisation_id, clinic_id, patient_id, appointment_id, practitioner_id, modality,
    precheck, screening_decision, screening_findings, chart, status, preparation_id, signed_at, signed_by, started_at,
    started_by, changed_at, changed_by)
SELECT ${org}, a.clinic_id, a.patient_id, a.id, a.practitioner_id, CASE a.type_code WHEN 'PRP' THEN 'PRP' ELSE 'CHEMICAL' END,
       '{"pregnancy":"NO","fever":"NO","scalpToday":{"infection":"NO","inflammation":"NO","openWound":"NO","sunburn":"NO","psoriasisOrDermatitis":"NO"},"newMedicines":[]}',
       'ELIGIBLE', '[]',
       CASE a.type_code WHEN 'PRP' THEN '{"technique":"POINT_BY_POINT","needleGauge":30,"depthMm":1.5,"zones":[{"zone":"FRONTAL","points":40,"volumeMl":2.0},{"zone":"VERTEX","points":40,"volumeMl":2.0}],"durationMinutes":45,"pain":3}'
            ELSE '{"technique":"NAPPAGE","needleGauge":32,"depthMm":1.0,"zones":[{"zone":"FRONTAL","points":60,"volumeMl":1.5},{"zone":"VERTEX","points":60,"volumeMl":1.5}],"durationMinutes":20,"pain":2}' END::jsonb,
       'SIGNED', f.id, a.ends_at, 'generator', a.starts_at, 'generator', a.ends_at, 'generator'
FROM scheduling_appointment a
JOIN formulary_preparation f ON f.organisation_id = ${org} AND f.request_key = 'load-a' || a.id
WHERE a.organisation_id = ${org} ORDER BY a.id;
-- About one session in a hundred has a side effect, mostly mild.
INSERT INTO sessions_adverse_event (organisation_id, clinic_id, patient_id, session_id, kind, onset_on, severity,
    relation, outcome, recorded_at, recorded_by, changed_at, changed_by)
SELECT ${org}, clinic_id, patient_id, id, (ARRAY['PAIN','BRUISING','OEDEMA','HEADACHE','ERYTHEMA'])[1 + id % 5],
       started_at::date, CASE WHEN id % 10 = 0 THEN 'MODERATE' ELSE 'MILD' END, 'PROBABLE', 'RESOLVED', started_at + INTERVAL '2 days',
       'generator', started_at + INTERVAL '2 days', 'generator'
FROM sessions_session WHERE organisation_id = ${org} AND random() < 0.01 ORDER BY id;

-- Trichoscopy (three sites) at each course's first visit and at its 6-month review, and the review itself with the
-- practitioner's photographic rating and the patient's satisfaction. Responses vary around a modest gain.
CREATE TEMP TABLE load_review AS
SELECT p.id AS plan_id, p.clinic_id, p.patient_id, p.starts_on, p.practitioner_id, 28 + floor(random() * 24)::int AS hairs,
       0.08 + (random() - 0.5) * 0.3 AS gain, p.starts_on + 182 < current_date AS reviewed
FROM plans_plan p WHERE p.organisation_id = ${org} ORDER BY p.id;
INSERT INTO diagnosis_assessment (organisation_id, clinic_id, patient_id, assessed_on, examiner, examiner_name,
    device, magnification, vellus_cutoff_um, recorded_at)
SELECT ${org}, clinic_id, patient_id, day, 'generator', 'Generator', 'Dermoscope', 20, 40, day + TIME '12:00'
FROM (SELECT clinic_id, patient_id, starts_on AS day, plan_id FROM load_review
      UNION ALL SELECT clinic_id, patient_id, starts_on + 182, plan_id FROM load_review WHERE reviewed) a
ORDER BY plan_id, day;
INSERT INTO diagnosis_site (assessment_id, site, hairs, area_cm2)
SELECT a.id, s.site, greatest(0, round(r.hairs * CASE WHEN a.assessed_on = r.starts_on THEN 1 ELSE 1 + r.gain END
                                      * (0.9 + s.n * 0.1)))::int, 0.25
FROM diagnosis_assessment a
JOIN load_review r ON r.patient_id = a.patient_id AND a.assessed_on IN (r.starts_on, r.starts_on + 182)
CROSS JOIN (VALUES ('FRONTAL', 1), ('VERTEX', 0), ('OCCIPITAL', 2)) s(site, n)
WHERE a.organisation_id = ${org} ORDER BY a.id, s.n;
INSERT INTO outcomes_follow_up (organisation_id, clinic_id, patient_id, plan_id, milestone, months, visit_on,
    assessment_id, global_score, global_rated_by, satisfaction_score, adverse_events, recorded_at, recorded_by)
SELECT ${org}, r.clinic_id, r.patient_id, r.plan_id, 'P6M', 6, r.starts_on + 182, a.id,
       greatest(-3, least(3, round(r.gain * 10)))::int, 'generator',
       round(greatest(-2, least(2, r.gain * 8 + (random() - 0.5)))::numeric, 2), 'NONE', r.starts_on + 182 + TIME '12:00',
       'generator'
FROM load_review r
JOIN diagnosis_assessment a ON a.organisation_id = ${org} AND a.patient_id = r.patient_id AND a.assessed_on = r.starts_on + 182
WHERE r.reviewed ORDER BY r.plan_id;

-- Each clinic bills under its country's rules, as its manager set it up; its documents are issued by the application,
-- which seals each after the last.
INSERT INTO billing_seller (clinic_id, organisation_id, country, legal_name, street, postcode, city, company_id,
    invoice_prefix, credit_note_prefix, changed_at, changed_by)
SELECT c.id, ${org}, CASE c.lang WHEN 'fr' THEN 'FR' WHEN 'es' THEN 'ES' ELSE 'GB' END, 'Follicle clinic ' || c.k,
       '1 High Street', '00000', 'City', 'LOAD-' || c.k, 'F', 'AV', now(), 'generator'
FROM load_clinic c ORDER BY c.id;

-- Vacuumed as a database that has been running would be (visibility maps: index-only scans), and analysed.
VACUUM ANALYZE;
-- The organisation's cohort facts, as a refresh computes them (V17).
INSERT INTO outcomes_course_fact SELECT * FROM outcomes_course_source WHERE organisation_id = ${org};
INSERT INTO outcomes_milestone_fact
SELECT s.* FROM outcomes_milestone_source s JOIN plans_plan p ON p.id = s.plan_id WHERE p.organisation_id = ${org};
INSERT INTO outcomes_lot_fact SELECT * FROM outcomes_lot_source WHERE organisation_id = ${org};
UPDATE outcomes_refresh SET refreshed_at = now();
VACUUM ANALYZE outcomes_course_fact;
VACUUM ANALYZE outcomes_milestone_fact;
VACUUM ANALYZE outcomes_lot_fact;
