package org.follicle.formulary.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Lots, stock per clinic, the ledger of movements, preparations and administrations in PostgreSQL. The quantity
 * of a lot in a clinic changes only together with a ledger row, in the caller's transaction; a decrement is one
 * guarded UPDATE, so concurrent uses queue on the row and stock never goes below zero. No access checks.
 */
@Repository
class StockStore {

    private static final String LOT = """
            SELECT l.id, l.organisation_id, l.product_id, p.name AS product_name, p.sku, l.lot_number, l.expiry,
                l.supplier_reference, l.received_at, l.received_by, l.quarantined_at, l.quarantine_reason
            FROM formulary_lot l JOIN formulary_product p ON p.id = l.product_id""";

    /** A lot given to a patient: the administration, how many lots its preparation mixed, the lot. */
    private static final String RECEIPT = """
            SELECT a.patient_id, a.clinic_id, a.session_ref, a.administered_at, a.preparation_id,
                (SELECT count(DISTINCT u.lot_id) FROM formulary_stock_movement u
                 WHERE u.preparation_id = a.preparation_id AND u.kind IN ('USED', 'SOLD')) AS lots,
                m.lot_id, l.lot_number, p.name""";

    private final JdbcClient jdbc;

    StockStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Lot> findLot(long organisationId, long lotId) {
        return jdbc.sql(LOT + " WHERE l.organisation_id = :org AND l.id = :id").param("org", organisationId)
                .param("id", lotId).query(StockStore::lot).optional();
    }

    Optional<Lot> findLot(long productId, String lotNumber) {
        return jdbc.sql(LOT + " WHERE l.product_id = :product AND l.lot_number = :number")
                .param("product", productId).param("number", lotNumber).query(StockStore::lot).optional();
    }

    long insertLot(long organisationId, long productId, String lotNumber, LocalDate expiry, String supplierReference,
            String by, Instant now) {
        return jdbc.sql("""
                INSERT INTO formulary_lot (organisation_id, product_id, lot_number, expiry, supplier_reference,
                    received_at, received_by)
                VALUES (:org, :product, :number, :expiry, :ref, :now, :by) RETURNING id""")
                .param("org", organisationId).param("product", productId).param("number", lotNumber)
                .param("expiry", expiry).param("ref", supplierReference).param("now", Timestamp.from(now))
                .param("by", by).query(Long.class).single();
    }

    /** Adds to a lot's stock in a clinic; returns the new quantity. */
    int increase(long organisationId, long lotId, long clinicId, int quantity) {
        return jdbc.sql("""
                INSERT INTO formulary_stock (lot_id, clinic_id, organisation_id, quantity)
                VALUES (:lot, :clinic, :org, :quantity)
                ON CONFLICT (lot_id, clinic_id) DO UPDATE SET quantity = formulary_stock.quantity + EXCLUDED.quantity
                RETURNING quantity""").param("lot", lotId).param("clinic", clinicId).param("org", organisationId)
                .param("quantity", quantity).query(Integer.class).single();
    }

    /** Takes from a lot's stock in a clinic if there is enough; the new quantity, or empty when there is not. */
    OptionalInt decrease(long lotId, long clinicId, int quantity) {
        return jdbc.sql("""
                UPDATE formulary_stock SET quantity = quantity - :quantity
                WHERE lot_id = :lot AND clinic_id = :clinic AND quantity >= :quantity RETURNING quantity""")
                .param("lot", lotId).param("clinic", clinicId).param("quantity", quantity).query(Integer.class)
                .optional().map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    int quantity(long lotId, long clinicId) {
        return jdbc.sql("SELECT quantity FROM formulary_stock WHERE lot_id = :lot AND clinic_id = :clinic")
                .param("lot", lotId).param("clinic", clinicId).query(Integer.class).optional().orElse(0);
    }

    long movement(long organisationId, long clinicId, long lotId, MovementKind kind, int quantity, int balanceAfter,
            String reason, Long preparationId, Long otherClinicId, String by, Instant now) {
        return jdbc.sql("""
                INSERT INTO formulary_stock_movement (organisation_id, clinic_id, lot_id, kind, quantity,
                    balance_after, reason, preparation_id, other_clinic_id, recorded_at, recorded_by)
                VALUES (:org, :clinic, :lot, :kind, :quantity, :balance, :reason, :preparation, :other, :now, :by)
                RETURNING id""")
                .param("org", organisationId).param("clinic", clinicId).param("lot", lotId)
                .param("kind", kind.name()).param("quantity", quantity).param("balance", balanceAfter)
                .param("reason", reason).param("preparation", preparationId).param("other", otherClinicId)
                .param("now", Timestamp.from(now)).param("by", by).query(Long.class).single();
    }

    /** The ledger, newest first, filtered by clinic and lot (either may be null), one page. */
    List<Movement> movements(long organisationId, Long clinicId, Long lotId, int limit, long offset) {
        return jdbc.sql("""
                SELECT m.id, m.clinic_id, m.lot_id, l.lot_number, p.name, m.kind, m.quantity, m.balance_after,
                    m.reason, m.preparation_id, m.other_clinic_id, m.recorded_at, m.recorded_by
                FROM formulary_stock_movement m JOIN formulary_lot l ON l.id = m.lot_id
                JOIN formulary_product p ON p.id = l.product_id
                WHERE m.organisation_id = :org AND (CAST(:clinic AS BIGINT) IS NULL OR m.clinic_id = :clinic)
                    AND (CAST(:lot AS BIGINT) IS NULL OR m.lot_id = :lot)
                ORDER BY m.id DESC LIMIT :limit OFFSET :offset""")
                .param("org", organisationId).param("clinic", clinicId).param("lot", lotId).param("limit", limit)
                .param("offset", offset)
                .query((rs, n) -> new Movement(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), MovementKind.valueOf(rs.getString(6)), rs.getInt(7), rs.getInt(8),
                        rs.getString(9), nullableLong(rs, 10), nullableLong(rs, 11), rs.getTimestamp(12).toInstant(),
                        rs.getString(13)))
                .list();
    }

    long countMovements(long organisationId, Long clinicId, Long lotId) {
        return jdbc.sql("""
                SELECT count(*) FROM formulary_stock_movement WHERE organisation_id = :org
                    AND (CAST(:clinic AS BIGINT) IS NULL OR clinic_id = :clinic)
                    AND (CAST(:lot AS BIGINT) IS NULL OR lot_id = :lot)""")
                .param("org", organisationId).param("clinic", clinicId).param("lot", lotId).query(Long.class)
                .single();
    }

    /**
     * The lots with stock in the clinics, first expiry first (then oldest received), optionally of one product;
     * with {@code usableOn}, only lots not expired on that day.
     */
    List<LotStock> stock(List<Long> clinicIds, Long productId, LocalDate usableOn) {
        if (clinicIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(LOT.replace("SELECT l.id", "SELECT s.clinic_id, s.quantity, p.reorder_level, l.id") + " " + """
                 JOIN formulary_stock s ON s.lot_id = l.id
                WHERE s.clinic_id IN (:clinics) AND s.quantity > 0
                    AND (CAST(:product AS BIGINT) IS NULL OR l.product_id = :product)
                    AND (CAST(:usable AS DATE) IS NULL OR (l.expiry >= :usable AND l.quarantined_at IS NULL))
                ORDER BY l.expiry, l.received_at, l.id""")
                .param("clinics", clinicIds).param("product", productId).param("usable", usableOn)
                .query((rs, n) -> new LotStock(lot(rs, n), rs.getLong("clinic_id"), rs.getInt("quantity"),
                        rs.getInt("reorder_level")))
                .list();
    }

    /** The stock of one lot in each clinic that holds some. */
    List<LotStock> stockOfLot(long lotId) {
        return jdbc.sql(LOT.replace("SELECT l.id", "SELECT s.clinic_id, s.quantity, p.reorder_level, l.id") + " " + """
                JOIN formulary_stock s ON s.lot_id = l.id WHERE l.id = :lot ORDER BY s.clinic_id""")
                .param("lot", lotId)
                .query((rs, n) -> new LotStock(lot(rs, n), rs.getLong("clinic_id"), rs.getInt("quantity"),
                        rs.getInt("reorder_level")))
                .list();
    }

    /** The clinics that hold or held some of the lot. */
    List<Long> clinicsOfLot(long lotId) {
        return jdbc.sql("SELECT clinic_id FROM formulary_stock WHERE lot_id = :lot").param("lot", lotId)
                .query(Long.class).list();
    }

    /**
     * Active products below their reorder level in a clinic, those at zero included, counting only lots neither
     * expired on the day nor recalled; the emptiest first.
     */
    List<ToReorder> productsBelowReorderLevel(long organisationId, long clinicId, LocalDate today) {
        return jdbc.sql("""
                SELECT p.id, p.name, p.sku, p.reorder_level, COALESCE((SELECT sum(s.quantity) FROM formulary_stock s
                        JOIN formulary_lot l ON l.id = s.lot_id
                        WHERE l.product_id = p.id AND s.clinic_id = :clinic AND l.expiry >= :today
                          AND l.quarantined_at IS NULL), 0) AS usable
                FROM formulary_product p
                WHERE p.organisation_id = :org AND p.active AND p.reorder_level > 0""")
                .param("org", organisationId).param("clinic", clinicId).param("today", today)
                .query((rs, n) -> new ToReorder(rs.getLong("id"), rs.getString("name"), rs.getString("sku"),
                        rs.getInt("usable"), rs.getInt("reorder_level")))
                .list().stream().filter(p -> p.usable() < p.reorderLevel())
                .sorted(java.util.Comparator.comparingInt(ToReorder::usable).thenComparing(ToReorder::name)).toList();
    }

    /** A product to reorder: what is usable in the clinic against its reorder level. */
    record ToReorder(long productId, String name, String sku, int usable, int reorderLevel) {
    }

    long lotsExpiringBy(long clinicId, LocalDate last) {
        return jdbc.sql("""
                SELECT count(*) FROM formulary_stock s JOIN formulary_lot l ON l.id = s.lot_id
                WHERE s.clinic_id = :clinic AND s.quantity > 0 AND l.expiry <= :last""")
                .param("clinic", clinicId).param("last", last).query(Long.class).single();
    }

    /** Creates a preparation, or returns empty when one with this request key exists (a retried request). */
    Optional<Long> insertPreparation(long organisationId, long clinicId, Long formulaId, String requestKey, String by,
            Instant now) {
        return jdbc.sql("""
                INSERT INTO formulary_preparation (organisation_id, clinic_id, formula_id, request_key, prepared_at,
                    prepared_by) VALUES (:org, :clinic, :formula, :key, :now, :by)
                ON CONFLICT (organisation_id, request_key) DO NOTHING RETURNING id""")
                .param("org", organisationId).param("clinic", clinicId).param("formula", formulaId)
                .param("key", requestKey).param("now", Timestamp.from(now)).param("by", by).query(Long.class)
                .optional();
    }

    Optional<Long> preparationByKey(long organisationId, String requestKey) {
        return jdbc.sql("SELECT id FROM formulary_preparation WHERE organisation_id = :org AND request_key = :key")
                .param("org", organisationId).param("key", requestKey).query(Long.class).optional();
    }

    Optional<Long> preparationClinic(long organisationId, long preparationId) {
        return jdbc.sql("SELECT clinic_id FROM formulary_preparation WHERE organisation_id = :org AND id = :id")
                .param("org", organisationId).param("id", preparationId).query(Long.class).optional();
    }

    void administration(long organisationId, long clinicId, long preparationId, long patientId, String sessionRef,
            String by, Instant now) {
        jdbc.sql("""
                INSERT INTO formulary_administration (preparation_id, organisation_id, clinic_id, patient_id,
                    session_ref, administered_at, recorded_by)
                VALUES (:preparation, :org, :clinic, :patient, :session, :now, :by)""")
                .param("preparation", preparationId).param("org", organisationId).param("clinic", clinicId)
                .param("patient", patientId).param("session", sessionRef).param("now", Timestamp.from(now))
                .param("by", by).update();
    }

    /** What a preparation was made of: lot and quantity per used movement. */
    List<PreparedLot> preparationLots(long preparationId) {
        return jdbc.sql("""
                SELECT m.lot_id, l.lot_number, p.name, -m.quantity FROM formulary_stock_movement m
                JOIN formulary_lot l ON l.id = m.lot_id JOIN formulary_product p ON p.id = l.product_id
                WHERE m.preparation_id = :id AND m.kind = 'USED' ORDER BY m.id""").param("id", preparationId)
                .query((rs, n) -> new PreparedLot(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
                .list();
    }

    List<Long> preparationPatients(long preparationId) {
        return jdbc.sql("SELECT patient_id FROM formulary_administration WHERE preparation_id = :id ORDER BY id")
                .param("id", preparationId).query(Long.class).list();
    }

    /**
     * Everyone who received the lot: directly or through a preparation that mixed it with other lots (the number
     * of lots in the preparation says which).
     */
    List<Receipt> recipients(long lotId) {
        return jdbc.sql(RECEIPT + """

                FROM formulary_stock_movement m
                JOIN formulary_administration a ON a.preparation_id = m.preparation_id
                JOIN formulary_lot l ON l.id = m.lot_id JOIN formulary_product p ON p.id = l.product_id
                WHERE m.lot_id = :lot AND m.kind IN ('USED', 'SOLD') ORDER BY a.administered_at, a.id""")
                .param("lot", lotId).query(StockStore::receipt).list();
    }

    /** Every lot a patient received, newest first. */
    List<Receipt> lotsOfPatient(long patientId) {
        return jdbc.sql(RECEIPT + """

                FROM formulary_administration a
                JOIN formulary_stock_movement m ON m.preparation_id = a.preparation_id AND m.kind IN ('USED', 'SOLD')
                JOIN formulary_lot l ON l.id = m.lot_id JOIN formulary_product p ON p.id = l.product_id
                WHERE a.patient_id = :patient ORDER BY a.administered_at DESC, a.id DESC, m.id""")
                .param("patient", patientId).query(StockStore::receipt).list();
    }

    private static Receipt receipt(ResultSet rs, int n) throws SQLException {
        return new Receipt(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                rs.getLong(5), rs.getInt(6), rs.getLong(7), rs.getString(8), rs.getString(9));
    }

    private static Lot lot(ResultSet rs, int n) throws SQLException {
        return new Lot(rs.getLong("id"), rs.getLong("organisation_id"), rs.getLong("product_id"),
                rs.getString("product_name"), rs.getString("sku"), rs.getString("lot_number"),
                rs.getObject("expiry", LocalDate.class), rs.getString("supplier_reference"),
                rs.getTimestamp("received_at").toInstant(), rs.getString("received_by"),
                rs.getTimestamp("quarantined_at") == null ? null : rs.getTimestamp("quarantined_at").toInstant(),
                rs.getString("quarantine_reason"));
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    enum MovementKind {
        RECEIVED, USED, SOLD, WASTED, ADJUSTED, TRANSFER_OUT, TRANSFER_IN
    }

    /** A lot; {@code quarantinedAt} is set once it is recalled, and it is never offered or used again. */
    record Lot(long id, long organisationId, long productId, String productName, String sku, String lotNumber,
            LocalDate expiry, String supplierReference, Instant receivedAt, String receivedBy, Instant quarantinedAt,
            String quarantineReason) {

        public boolean quarantined() {
            return quarantinedAt != null;
        }

        boolean expiredOn(LocalDate day) {
            return expiry.isBefore(day);
        }
    }

    record LotStock(Lot lot, long clinicId, int quantity, int reorderLevel) {
    }

    record Movement(long id, long clinicId, long lotId, String lotNumber, String productName, MovementKind kind,
            int quantity, int balanceAfter, String reason, Long preparationId, Long otherClinicId,
            Instant recordedAt, String recordedBy) {
    }

    record PreparedLot(long lotId, String lotNumber, String productName, int quantity) {
    }

    /**
     * A lot given to a patient.
     *
     * @param lotsInPreparation how many lots the preparation mixed (1: given on its own)
     */
    record Receipt(long patientId, long clinicId, String sessionRef, Instant administeredAt, long preparationId,
            int lotsInPreparation, long lotId, String lotNumber, String productName) {
    }

    /**
     * Quarantines a lot after waiting for every use of it in progress: a use holds the lot's stock rows until it
     * commits, so no patient receives it unseen by the recall. False when it was already quarantined.
     */
    boolean quarantine(long lotId, String reason, String by, Instant at) {
        jdbc.sql("SELECT lot_id FROM formulary_stock WHERE lot_id = :lot FOR UPDATE").param("lot", lotId)
                .query(Long.class).list();
        return jdbc.sql("""
                UPDATE formulary_lot SET quarantined_at = :at, quarantined_by = :by, quarantine_reason = :reason
                WHERE id = :lot AND quarantined_at IS NULL""")
                .param("lot", lotId).param("at", Timestamp.from(at)).param("by", by).param("reason", reason)
                .update() == 1;
    }

    /** One contact to make per patient who received the lot, with who gave it last; returns the new ones. */
    List<RecallContact> addContacts(long organisationId, long lotId) {
        return jdbc.sql("""
                INSERT INTO formulary_recall_contact (organisation_id, lot_id, patient_id, clinic_id, given_by)
                SELECT DISTINCT ON (a.patient_id) :org, :lot, a.patient_id, a.clinic_id, a.recorded_by
                FROM formulary_stock_movement m JOIN formulary_administration a ON a.preparation_id = m.preparation_id
                WHERE m.lot_id = :lot AND m.kind = 'USED'
                ORDER BY a.patient_id, a.administered_at DESC
                ON CONFLICT (lot_id, patient_id) DO NOTHING
                RETURNING id, patient_id, clinic_id, given_by, emailed, reached_at, reached_by, reached_note""")
                .param("org", organisationId).param("lot", lotId).query(StockStore::contact).list();
    }

    void markEmailed(long lotId, java.util.Collection<Long> patientIds) {
        if (!patientIds.isEmpty()) {
            jdbc.sql("UPDATE formulary_recall_contact SET emailed = TRUE WHERE lot_id = :lot AND patient_id IN (:ids)")
                    .param("lot", lotId).param("ids", patientIds).update();
        }
    }

    List<RecallContact> contacts(long lotId) {
        return jdbc.sql("""
                SELECT id, patient_id, clinic_id, given_by, emailed, reached_at, reached_by, reached_note
                FROM formulary_recall_contact WHERE lot_id = :lot ORDER BY reached_at NULLS FIRST, id""")
                .param("lot", lotId).query(StockStore::contact).list();
    }

    /** Records that a patient was reached; false when they already were (the first record stands). */
    boolean reached(long lotId, long patientId, String note, String by, Instant at) {
        return jdbc.sql("""
                UPDATE formulary_recall_contact SET reached_at = :at, reached_by = :by, reached_note = :note
                WHERE lot_id = :lot AND patient_id = :patient AND reached_at IS NULL""")
                .param("lot", lotId).param("patient", patientId).param("at", Timestamp.from(at)).param("by", by)
                .param("note", note).update() == 1;
    }

    /** The patients a practitioner gave a recalled lot to and nobody has reached yet. */
    long contactsToMake(long organisationId, String givenBy) {
        return jdbc.sql("""
                SELECT count(*) FROM formulary_recall_contact
                WHERE organisation_id = :org AND given_by = :by AND reached_at IS NULL""")
                .param("org", organisationId).param("by", givenBy).query(Long.class).single();
    }

    private static RecallContact contact(ResultSet rs, int n) throws SQLException {
        Timestamp reached = rs.getTimestamp("reached_at");
        return new RecallContact(rs.getLong("id"), rs.getLong("patient_id"), rs.getLong("clinic_id"),
                rs.getString("given_by"), rs.getBoolean("emailed"), reached == null ? null : reached.toInstant(),
                rs.getString("reached_by"), rs.getString("reached_note"));
    }

    /** A patient to reach about a recalled lot. */
    record RecallContact(long id, long patientId, long clinicId, String givenBy, boolean emailed, Instant reachedAt,
            String reachedBy, String reachedNote) {
    }

    /** The organisation's products carrying at least one of the formula's ingredients. */
    List<Long> productsForFormula(long formulaId) {
        return jdbc.sql("""
                SELECT DISTINCT c.product_id FROM formulary_product_component c
                JOIN formulary_formula_ingredient i ON i.ingredient_code = c.ingredient_code
                JOIN formulary_product p ON p.id = c.product_id
                JOIN formulary_formula f ON f.id = i.formula_id AND f.organisation_id = p.organisation_id
                WHERE i.formula_id = :f""").param("f", formulaId).query(Long.class).list();
    }

    List<Long> lotsOfPreparation(long preparationId) {
        return jdbc.sql("""
                SELECT DISTINCT lot_id FROM formulary_stock_movement WHERE preparation_id = :p AND kind = 'USED'
                ORDER BY lot_id""").param("p", preparationId).query(Long.class).list();
    }
}