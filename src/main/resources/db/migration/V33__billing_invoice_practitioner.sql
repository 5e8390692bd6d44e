-- Who gave the care an invoice bills (the practitioner of the visit invoiced), for revenue by practitioner; none for a
-- sale at the desk. A credit note carries its invoice's.
ALTER TABLE billing_invoice ADD COLUMN practitioner_id BIGINT REFERENCES security_staff (id);
