-- A lot sold to a patient is traced as a lot given: the database refuses to sell a quarantined lot as it refuses to
-- use one.
DROP TRIGGER formulary_refuse_quarantined_use ON formulary_stock_movement;
CREATE TRIGGER formulary_refuse_quarantined_use BEFORE INSERT ON formulary_stock_movement
    FOR EACH ROW WHEN (NEW.kind IN ('USED', 'SOLD')) EXECUTE FUNCTION formulary_refuse_quarantined_use();
