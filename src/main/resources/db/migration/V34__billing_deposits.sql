-- A deposit: an advance invoice issued when a visit is booked, for part of its price. The visit's invoice deducts it
-- by a line of quantity -1 at the deposit's net price (EN 16931 refuses a negative price, not a negative quantity), so
-- that each document taxes what it received and a day's figures count the money once.
ALTER TABLE billing_invoice ADD COLUMN deposit_for BIGINT REFERENCES scheduling_appointment (id);
CREATE INDEX billing_invoice_deposit_ix ON billing_invoice (deposit_for) WHERE deposit_for IS NOT NULL;

ALTER TABLE billing_invoice_line ADD COLUMN deposit_id BIGINT REFERENCES billing_invoice (id),
    DROP CONSTRAINT billing_invoice_line_quantity_check,
    DROP CONSTRAINT billing_invoice_line_net_check,
    ADD CONSTRAINT billing_invoice_line_quantity_check CHECK (quantity > 0 OR (deposit_id IS NOT NULL AND quantity = -1)),
    ADD CONSTRAINT billing_invoice_line_net_check CHECK (net >= 0 OR deposit_id IS NOT NULL);
CREATE INDEX billing_invoice_line_deposit_ix ON billing_invoice_line (deposit_id) WHERE deposit_id IS NOT NULL;
