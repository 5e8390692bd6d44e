package org.follicle;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.follicle.security.Role;
import org.follicle.support.FollicleIntegrationTest;
import org.follicle.support.Http;
import org.follicle.support.StaffFixture;
import org.follicle.support.StaffFixture.Organisation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.follicle.SchedulingIT.expect;

/**
 * The formulary through the API: ingredient rules applied to a patient's formula, regulatory blocks, products,
 * lots, the ledger, first expiry first, stock under concurrent use, idempotent preparations, and recall through
 * mixed preparations. Bad input gets a clear message and changes nothing.
 */
@FollicleIntegrationTest
class FormularyIT {

    @LocalServerPort
    int port;

    @Autowired
    StaffFixture fixture;

    @Autowired
    JdbcClient jdbc;

    Http http;

    Organisation org;

    String admin;

    String bothClinics;

    String practitioner;

    String madridAdmin;

    long patient;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        org = fixture.organisation();
        admin = fixture.token(fixture.staff(org, "manager", Map.of(org.paris(), Role.ADMIN)));
        practitioner = fixture.token(fixture.staff(org, "doctor", Map.of(org.paris(), Role.PRACTITIONER)));
        madridAdmin = fixture.token(fixture.staff(org, "madrid", Map.of(org.madrid(), Role.ADMIN)));
        bothClinics = fixture.token(fixture.staff(org, "stock", Map.of(org.paris(), Role.ASSISTANT,
                org.madrid(), Role.ASSISTANT)));
        patient = fixture.patient(org, org.paris(), "Formule", "Claire");
    }

    // --- ingredient rules through the formula check ---

    @Test
    void theLibraryShipsIngredientsWithCodesRulesAndSources() {
        String body = http.get("/api/v1/ingredients", practitioner).body();
        assertThat(body).contains("\"code\":\"MINOXIDIL\"").contains("\"D11AX01\"").contains("\"code\":\"EXOSOMES\"")
                .contains("\"jurisdiction\":\"EU\",\"status\":\"SUSPENDED\"").contains("\"shipped\":true");
    }

    @Test
    void finasterideForAWomanWhoMayBePregnantIsExcludedAndSaysWhy() {
        sex("FEMALE");
        intake("\"POSSIBLE\"", "[]");
        HttpResponse<String> check = check(formula("FINASTERIDE"));
        assertThat(check.statusCode()).isEqualTo(200);
        assertThat(check.body()).contains("\"decision\":\"NOT_ELIGIBLE\"").contains("FINASTERIDE.PREGNANCY")
                .contains("must not receive or handle finasteride");
    }

    @Test
    void dutasterideForAWomanIsExcludedAndForAManIsNot() {
        sex("FEMALE");
        intake("\"NO\"", "[]");
        assertThat(check(formula("DUTASTERIDE")).body()).contains("\"decision\":\"NOT_ELIGIBLE\"")
                .contains("DUTASTERIDE.WOMAN");
        sex("MALE");
        assertThat(check(formula("DUTASTERIDE")).body()).contains("\"decision\":\"ELIGIBLE\"")
                .doesNotContain("DUTASTERIDE.WOMAN").contains("DUTASTERIDE.BLOOD_DONATION");
    }

    @Test
    void minoxidilWithHeartDiseaseNeedsThePhysician() {
        sex("MALE");
        intake("\"NO\"", "[]", "\"heartDisease\":\"NO\"", "\"heartDisease\":\"YES\"");
        String body = check(formula("MINOXIDIL")).body();
        assertThat(body).contains("\"decision\":\"NEEDS_PHYSICIAN_REVIEW\"").contains("MINOXIDIL.HEART_DISEASE");
    }

    @Test
    void pentoxifyllineWithAnAnticoagulantNeedsThePhysician() {
        sex("MALE");
        intake("\"NO\"", "[{\"kind\":\"ANTICOAGULANT\",\"name\":\"apixaban\",\"prescribed\":true}]");
        assertThat(check(formula("PENTOXIFYLLINE")).body()).contains("PENTOXIFYLLINE.ANTITHROMBOTIC");
        assertThat(check(formula("BIOTIN")).body()).doesNotContain("PENTOXIFYLLINE.ANTITHROMBOTIC");
    }

    @Test
    void anAllergyNamedInFreeTextExcludesThatIngredientOnly() {
        sex("MALE");
        intake("\"NO\"", "[]", "\"hyaluronicAcid\":\"NO\"",
                "\"hyaluronicAcid\":\"NO\",\"otherIngredients\":\"Gluconate de zinc, pollen\"");
        assertThat(check(formula("ZINC")).body()).contains("\"decision\":\"NOT_ELIGIBLE\"")
                .contains("ZINC.ALLERGY_NOTED");
        assertThat(check(formula("BIOTIN")).body()).doesNotContain("ALLERGY_NOTED");
    }

    @Test
    void buflomedilCannotGoIntoAFormulaAndTheReasonIsShown() {
        HttpResponse<String> refused = http.send("POST", "/api/v1/patients/" + patient + "/formulas", practitioner,
                "{\"formula\":" + formula("BUFLOMEDIL") + "}", Map.of());
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("EU authorisations suspended");
        assertThat(formulasOfPatient()).isZero();
    }

    @Test
    void aPatientsFormulaFromATemplateIsSavedCheckedAndVoidedWithAReason() {
        sex("MALE");
        intake("\"NO\"", "[]");
        String templates = http.get("/api/v1/formulas", practitioner).body();
        assertThat(templates).contains("\"code\":\"NUTRITIVE\"").contains("\"code\":\"ANTIANDROGEN_MEN\"");
        long template = jdbc.sql("SELECT id FROM formulary_formula WHERE organisation_id IS NULL AND code = 'NUTRITIVE'")
                .query(Long.class).single();
        HttpResponse<String> saved = http.send("POST", "/api/v1/patients/" + patient + "/formulas", practitioner,
                "{\"templateId\":" + template + ",\"formula\":" + formula("BIOTIN", "ZINC") + "}", Map.of());
        assertThat(saved.statusCode()).isEqualTo(201);
        assertThat(saved.body()).contains("\"templateId\":" + template).contains("\"decision\":\"ELIGIBLE\"")
                .contains("BIOTIN.IMMUNOASSAY");
        long id = Long.parseLong(saved.body().replaceAll("^\\{\"formula\":\\{\"id\":(\\d+),.*", "$1"));
        assertThat(http.send("POST", "/api/v1/patients/" + patient + "/formulas/" + id + "/void", practitioner,
                "{\"reason\":\"Replaced by a stronger cocktail\"}", Map.of()).body()).contains("\"voided\":true");
    }

    @Test
    void aFormulaTheScreeningExcludesIsWrittenOnlyWithThePractitionersReasonAudited() {
        sex("FEMALE");
        intake("\"NO\"", "[]");
        String path = "/api/v1/patients/" + patient + "/formulas";
        long before = formulasOfPatient();
        expect(http.send("POST", path, practitioner, "{\"formula\":" + formula("DUTASTERIDE") + "}", Map.of()), 422,
                "The screening excludes this formula for the patient: Dutasteride is contraindicated in women.");
        expect(http.send("POST", path, practitioner, "{\"formula\":" + formula("DUTASTERIDE")
                + ",\"exclusionReason\":\"ok\"}", Map.of()), 422, "at least 10 characters");
        assertThat(formulasOfPatient()).as("nothing saved").isEqualTo(before);

        HttpResponse<String> saved = http.send("POST", path, practitioner, "{\"formula\":" + formula("DUTASTERIDE")
                + ",\"exclusionReason\":\"Post-menopausal, dermatologist's written agreement\"}", Map.of());
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        assertThat(saved.body()).contains("\"exclusionReason\":\"Post-menopausal, dermatologist's written agreement\"");
        assertThat(jdbc.sql("""
                SELECT count(*) FROM security_audit_entry WHERE action = 'SCREENING_OVERRIDE' AND record_id = :p
                  AND detail LIKE '%DUTASTERIDE.WOMAN%'""").param("p", String.valueOf(patient)).query(Long.class)
                .single()).isEqualTo(1);

        sex("MALE");
        HttpResponse<String> plain = http.send("POST", path, practitioner, "{\"formula\":" + formula("DUTASTERIDE")
                + "}", Map.of());
        assertThat(plain.statusCode()).as("no reason asked when nothing excludes").isEqualTo(201);
        assertThat(plain.body()).contains("\"exclusionReason\":null");
    }

    @Test
    void badFormulasAreRefusedClearlyAndNothingIsSaved() {
        HttpResponse<String> zero = http.send("POST", "/api/v1/patients/" + patient + "/formulas", practitioner,
                "{\"formula\":" + formula("BIOTIN").replace("\"volumeMl\":2", "\"volumeMl\":0") + "}", Map.of());
        assertThat(zero.statusCode()).isEqualTo(400);
        assertThat(zero.body()).contains("volumeMl").contains("above 0 mL");
        HttpResponse<String> unknown = http.send("POST", "/api/v1/patients/" + patient + "/formulas", practitioner,
                "{\"formula\":" + formula("UNICORN_DUST") + "}", Map.of());
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body()).contains("Unknown ingredient: UNICORN_DUST");
        HttpResponse<String> twice = http.send("POST", "/api/v1/patients/" + patient + "/formulas", practitioner,
                "{\"formula\":" + formula("ZINC", "ZINC") + "}", Map.of());
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(twice.body()).contains("ingredients[1].code");
        assertThat(http.send("POST", "/api/v1/patients/" + patient + "/formulas", admin,
                "{\"formula\":" + formula("ZINC") + "}", Map.of()).statusCode()).isEqualTo(403);
        assertThat(formulasOfPatient()).isZero();
    }

    // --- ingredient administration ---

    @Test
    void anAdminEditsAShippedIngredientAsTheOrganisationsOwnVersion() {
        HttpResponse<String> current = http.get("/api/v1/ingredients/ZINC", admin);
        String etag = current.headers().firstValue("ETag").orElseThrow();
        String changed = "{\"ingredient\":{\"code\":\"ZINC\",\"name\":\"Zinc\",\"synonyms\":[\"zinc\"],"
                + "\"ingredientClass\":\"MINERAL\",\"atcCodes\":[],\"rules\":[{\"id\":\"KIDNEY\",\"class\":\"CAUTION\","
                + "\"modalities\":[\"MESOTHERAPY\"],\"when\":{\"answer\":\"medicalHistory.kidneyFailure\",\"is\":[\"YES\"]},"
                + "\"message\":{\"en\":\"Kidney\",\"fr\":\"Rein\",\"es\":\"Riñón\"},\"source\":\"Clinic protocol\"}],"
                + "\"regulatory\":[],\"sources\":[\"Clinic protocol 2026\"]},\"reason\":\"Our pharmacist's advice\"}";
        assertThat(http.send("PUT", "/api/v1/ingredients/ZINC", practitioner, changed, Map.of("If-Match", etag))
                .statusCode()).isEqualTo(403);
        HttpResponse<String> edited = http.send("PUT", "/api/v1/ingredients/ZINC", admin, changed,
                Map.of("If-Match", etag));
        assertThat(edited.statusCode()).isEqualTo(200);
        assertThat(edited.body()).contains("\"shipped\":false").contains("KIDNEY");
        assertThat(http.get("/api/v1/ingredients/ZINC/revisions", admin).body()).contains("Our pharmacist's advice");
        // another organisation still sees the shipped zinc
        Organisation other = fixture.organisation();
        String stranger = fixture.token(fixture.staff(other, "other", Map.of(other.paris(), Role.ADMIN)));
        assertThat(http.get("/api/v1/ingredients/ZINC", stranger).body()).contains("\"shipped\":true")
                .doesNotContain("KIDNEY");
        // a stale version and rules the engine cannot apply are refused
        assertThat(http.send("PUT", "/api/v1/ingredients/ZINC", admin, changed, Map.of("If-Match", etag))
                .statusCode()).isEqualTo(412);
        String broken = changed.replace("medicalHistory.kidneyFailure", "medicalHistory.nothing");
        HttpResponse<String> refused = http.send("PUT", "/api/v1/ingredients/ZINC", admin, broken,
                Map.of("If-Match", http.get("/api/v1/ingredients/ZINC", admin).headers().firstValue("ETag")
                        .orElseThrow()));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("unknown question medicalHistory.nothing");
        assertThat(jdbc.sql("SELECT count(*) FROM security_audit_entry WHERE record_type = 'ingredient' "
                + "AND record_id = 'ZINC' AND action = 'UPDATE'").query(Long.class).single()).isPositive();
    }

    // --- products, lots and the ledger ---

    @Test
    void theStockPageNamesTheProductsToReorderThoseAtZeroIncluded() {
        StaffFixture.Staff manager = fixture.staff(org, "stock-manager", Map.of(org.paris(), Role.ADMIN));
        long empty = product("ZERO-" + org.suffix(), "ZINC", null);
        long low = product("LOW-" + org.suffix(), "BIOTIN", null);
        receive(low, "LOW-1", LocalDate.now().plusMonths(6), 2);
        long enough = product("FULL-" + org.suffix(), "MAGNESIUM", null);
        receive(enough, "FULL-1", LocalDate.now().plusMonths(6), 8);
        Http page = new Http(port);
        page.signIn(manager.username(), StaffFixture.PASSWORD);
        String stock = page.page("/formulary/stock").body();
        stock = stock.substring(stock.indexOf("id=\"to-reorder\""), stock.indexOf("</section>", stock.indexOf("to-reorder")));
        assertThat(stock).contains("To reorder: 2", "Product ZERO-" + org.suffix() + " (ZERO-" + org.suffix()
                + "): 0 usable, reorder level 3", "Product LOW-" + org.suffix() + " (LOW-" + org.suffix()
                        + "): 2 usable, reorder level 3")
                .doesNotContain("Product FULL-" + org.suffix() + " (FULL-");
    }

    @Test
    void receivingAndMovingStockKeepsTheLedgerAndTheBalanceInStep() {
        long product = product("EXO-" + org.suffix(), "EXOSOMES", 46.20);
        long lot = receive(product, "L-1", LocalDate.now().plusMonths(6), 10);
        move(lot, org.paris(), "SOLD", 2, null, null, 201);
        move(lot, org.paris(), "WASTED", 1, "Vial dropped", null, 201);
        move(lot, org.paris(), "ADJUSTED", -1, "Count after inventory", null, 201);
        move(lot, org.paris(), "ADJUSTED", 3, "Found in the second fridge", null, 201);
        HttpResponse<String> oneClinic = http.send("POST", "/api/v1/stock-movements", admin, "{\"clinicId\":"
                + org.paris() + ",\"lotId\":" + lot + ",\"kind\":\"TRANSFER\",\"quantity\":1,\"toClinicId\":"
                + org.madrid() + "}", Map.of());
        assertThat(oneClinic.statusCode()).isEqualTo(422);
        assertThat(oneClinic.body()).contains("only to a clinic where you also manage stock").doesNotContain("balance");
        move(lot, org.paris(), "TRANSFER", 4, "Madrid ran out", org.madrid(), 201);
        assertThat(quantity(lot, org.paris())).isEqualTo(5);
        assertThat(quantity(lot, org.madrid())).isEqualTo(4);
        for (long clinic : List.of(org.paris(), org.madrid())) {
            long ledgerSum = jdbc.sql("SELECT sum(quantity) FROM formulary_stock_movement WHERE lot_id = :lot "
                    + "AND clinic_id = :clinic").param("lot", lot).param("clinic", clinic).query(Long.class).single();
            assertThat(ledgerSum).isEqualTo(quantity(lot, clinic));
            int lastBalance = jdbc.sql("SELECT balance_after FROM formulary_stock_movement WHERE lot_id = :lot "
                    + "AND clinic_id = :clinic ORDER BY id DESC LIMIT 1").param("lot", lot).param("clinic", clinic)
                    .query(Integer.class).single();
            assertThat(lastBalance).isEqualTo(quantity(lot, clinic));
        }
        // more than there is: refused, nothing changes
        HttpResponse<String> tooMany = move(lot, org.paris(), "SOLD", 6, null, null, 422);
        assertThat(tooMany.body()).contains("Only 5 left of lot L-1");
        move(lot, org.paris(), "WASTED", 1, null, null, 422);
        move(lot, org.paris(), "ADJUSTED", 0, "Nothing", null, 422);
        assertThat(quantity(lot, org.paris())).isEqualTo(5);
        assertThat(http.get("/api/v1/stock-movements?lot=" + lot + "&size=100", admin).body())
                .contains("\"kind\":\"TRANSFER_OUT\"").contains("\"total\":7");
    }

    @Test
    void badReceiptsAreRefusedClearlyAndNothingIsStored() {
        long product = product("BIO-" + org.suffix(), "BIOTIN", null);
        assertThat(receiveResponse(product, "OLD", LocalDate.now().minusDays(1), 5).body())
                .contains("already past");
        assertThat(receiveResponse(product, "ZERO", LocalDate.now().plusMonths(3), 0).statusCode()).isEqualTo(400);
        assertThat(receiveResponse(product, "NEG", LocalDate.now().plusMonths(3), -4).body())
                .contains("at least 1");
        receive(product, "DUP", LocalDate.now().plusMonths(3), 5);
        HttpResponse<String> duplicate = receiveResponse(product, "DUP", LocalDate.now().plusMonths(4), 5);
        assertThat(duplicate.statusCode()).isEqualTo(422);
        assertThat(duplicate.body()).contains("Lot DUP of").contains("was already received");
        assertThat(http.send("POST", "/api/v1/lots", admin, "{\"clinicId\":" + org.paris() + ",\"productId\":"
                + product + ",\"lotNumber\":\"X\",\"expiry\":\"not a date\",\"quantity\":1}", Map.of()).statusCode())
                .isEqualTo(400);
        assertThat(jdbc.sql("SELECT count(*) FROM formulary_lot WHERE product_id = :p").param("p", product)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(http.send("POST", "/api/v1/products", admin, "{\"sku\":\"BIO-" + org.suffix() + "\",\"name\":\"Again\","
                + "\"manufacturer\":\"X\",\"form\":\"VIAL\",\"purpose\":\"INJECTION\",\"cost\":1,\"vatRate\":20,"
                + "\"currency\":\"EUR\"}", Map.of()).body()).contains("already has the SKU");
    }

    @Test
    void firstExpiryFirstOutAndExpiredLotsAreNeverUsed() {
        long product = product("PX-" + org.suffix(), "PENTOXIFYLLINE", null);
        long late = receive(product, "LATE", LocalDate.now().plusMonths(9), 5);
        long early = receive(product, "EARLY", LocalDate.now().plusMonths(2), 2);
        long expired = receive(product, "GONE", LocalDate.now().plusDays(1), 5);
        jdbc.sql("UPDATE formulary_lot SET expiry = CURRENT_DATE - 3 WHERE id = :id").param("id", expired).update();
        String suggestion = http.get("/api/v1/lots/suggestion?clinic=" + org.paris() + "&product=" + product
                + "&quantity=4", practitioner).body();
        assertThat(suggestion).startsWith("[{\"lotId\":" + early + ",\"lotNumber\":\"EARLY\"")
                .contains("\"take\":2").contains("{\"lotId\":" + late).doesNotContain("GONE");
        HttpResponse<String> refused = prepare(List.of(expired), 1, "key-" + UUID.randomUUID());
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Lot GONE expired");
        assertThat(quantity(expired, org.paris())).isEqualTo(5);
    }

    @Test
    void stockNeverGoesNegativeUnderConcurrentUse() throws Exception {
        long product = product("CC-" + org.suffix(), "HYALURONIC_ACID", null);
        long lot = receive(product, "RACE", LocalDate.now().plusMonths(6), 10);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            calls.add(() -> prepare(List.of(lot), 1, "race-" + UUID.randomUUID()).statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(calls)) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(10);
        assertThat(statuses.stream().filter(s -> s == 422).count()).isEqualTo(14);
        assertThat(quantity(lot, org.paris())).isZero();
        assertThat(jdbc.sql("SELECT min(balance_after) FROM formulary_stock_movement WHERE lot_id = :lot")
                .param("lot", lot).query(Integer.class).single()).isZero();
    }

    @Test
    void aRetriedPreparationUsesStockOnce() {
        long product = product("ID-" + org.suffix(), "BIOTIN", null);
        long lot = receive(product, "ONCE", LocalDate.now().plusMonths(6), 5);
        String key = "session-" + UUID.randomUUID();
        assertThat(prepare(List.of(lot), 2, key).statusCode()).isEqualTo(201);
        HttpResponse<String> again = prepare(List.of(lot), 2, key);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("\"alreadyRecorded\":true");
        assertThat(quantity(lot, org.paris())).isEqualTo(3);
    }

    @Test
    void recallFindsEveryRecipientAlsoThroughAMixedPreparation() {
        long vitamins = product("VIT-" + org.suffix(), "BIOTIN", null);
        long acid = product("HA-" + org.suffix(), "HYALURONIC_ACID", null);
        long lotA = receive(vitamins, "A-1", LocalDate.now().plusMonths(6), 10);
        long lotB = receive(acid, "B-1", LocalDate.now().plusMonths(6), 10);
        long second = fixture.patient(org, org.paris(), "Rappel", "Marc");
        long madridPatient = fixture.patient(org, org.madrid(), "Lejos", "Ana");
        assertThat(prepare(List.of(lotA, lotB), 1, "mix-" + UUID.randomUUID()).statusCode()).isEqualTo(201);
        assertThat(http.send("POST", "/api/v1/preparations", practitioner, preparation(List.of(lotA), 1,
                "solo-" + UUID.randomUUID(), second), Map.of()).statusCode()).isEqualTo(201);
        // a Madrid practitioner gives lot A, transferred to Madrid, to a Madrid patient
        move(lotA, org.paris(), "TRANSFER", 2, null, org.madrid(), 201);
        String madridDoctor = fixture.token(fixture.staff(org, "madrid-doc", Map.of(org.madrid(), Role.PRACTITIONER)));
        assertThat(http.send("POST", "/api/v1/preparations", madridDoctor, preparation(List.of(lotA), 1,
                "far-" + UUID.randomUUID(), madridPatient).replace("\"clinicId\":" + org.paris(),
                        "\"clinicId\":" + org.madrid()), Map.of()).statusCode()).isEqualTo(201);

        String ofB = http.get("/api/v1/lots/" + lotB + "/recipients", admin).body();
        assertThat(ofB).contains("\"patientId\":" + patient).contains("\"lotsInPreparation\":2")
                .doesNotContain("\"patientId\":" + second);
        String ofA = http.get("/api/v1/lots/" + lotA + "/recipients", admin).body();
        assertThat(ofA).contains("\"patientId\":" + patient).contains("\"patientId\":" + second)
                .doesNotContain("\"patientId\":" + madridPatient).contains("\"patientsNotShown\":1");
        assertThat(http.get("/api/v1/patients/" + patient + "/lots", practitioner).body()).contains("\"lotNumber\":\"A-1\"")
                .contains("\"lotNumber\":\"B-1\"");
        HttpResponse<String> csv = http.get("/api/v1/lots/" + lotA + "/recipients.csv", admin);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("lot,product,expiry,file_number,patient").contains("\"FORMULE, Claire\"")
                .contains("\"RAPPEL, Marc\"");
        // a clinic that never held the lot does not see it
        String stranger = fixture.token(fixture.staff(org, "paris-only", Map.of(org.paris(), Role.ADMIN)));
        assertThat(http.get("/api/v1/lots/" + lotB + "/recipients", madridAdmin).statusCode()).isEqualTo(404);
        assertThat(http.get("/api/v1/lots/" + lotB, stranger).statusCode()).isEqualTo(200);
    }

    // --- helpers ---

    private void sex(String sex) {
        jdbc.sql("UPDATE patients_patient SET sex = :sex WHERE id = :id").param("sex", sex).param("id", patient)
                .update();
    }

    private void intake(String pregnancy, String medications, String... replacements) {
        String body = IntakeIT.intake(pregnancy, medications);
        for (int i = 0; i < replacements.length; i += 2) {
            body = body.replace(replacements[i], replacements[i + 1]);
        }
        assertThat(http.send("PUT", "/api/v1/patients/" + patient + "/intake", practitioner, body, Map.of())
                .statusCode()).isLessThan(300);
    }

    static String formula(String... codes) {
        StringBuilder parts = new StringBuilder();
        for (String code : codes) {
            parts.append(parts.isEmpty() ? "" : ",").append("{\"code\":\"").append(code).append("\"}");
        }
        return "{\"name\":\"Test cocktail\",\"indication\":\"ANDROGENETIC_ALOPECIA\",\"modality\":\"MESOTHERAPY\","
                + "\"volumeMl\":2,\"technique\":\"NAPPAGE\",\"ingredients\":[" + parts + "]}";
    }

    private HttpResponse<String> check(String formula) {
        return http.send("POST", "/api/v1/patients/" + patient + "/formulas/check", practitioner,
                "{\"formula\":" + formula + "}", Map.of());
    }

    private long formulasOfPatient() {
        return jdbc.sql("SELECT count(*) FROM formulary_formula WHERE patient_id = :p").param("p", patient)
                .query(Long.class).single();
    }

    private long product(String sku, String ingredient, Double retail) {
        HttpResponse<String> created = http.send("POST", "/api/v1/products", admin, "{\"sku\":\"" + sku
                + "\",\"name\":\"Product " + sku + "\",\"manufacturer\":\"Lab\",\"supplier\":\"Wholesaler\","
                + "\"form\":\"VIAL\",\"volumeMl\":5,\"purpose\":\"INJECTION\",\"cost\":12.5,"
                + (retail == null ? "" : "\"retailPrice\":" + retail + ",") + "\"vatRate\":20,\"currency\":\"EUR\","
                + "\"reorderLevel\":3,\"components\":[{\"code\":\"" + ingredient + "\"}]}", Map.of());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Long.parseLong(created.body().replaceAll("^\\{\"id\":(\\d+),.*", "$1"));
    }

    private HttpResponse<String> receiveResponse(long product, String number, LocalDate expiry, int quantity) {
        return http.send("POST", "/api/v1/lots", admin, "{\"clinicId\":" + org.paris() + ",\"productId\":" + product
                + ",\"lotNumber\":\"" + number + "\",\"expiry\":\"" + expiry + "\",\"quantity\":" + quantity
                + ",\"supplierReference\":\"DN-1\"}", Map.of());
    }

    private long receive(long product, String number, LocalDate expiry, int quantity) {
        HttpResponse<String> received = receiveResponse(product, number, expiry, quantity);
        assertThat(received.statusCode()).as(received.body()).isEqualTo(201);
        return Long.parseLong(received.body().replaceAll("^\\{\"id\":(\\d+),.*", "$1"));
    }

    private HttpResponse<String> move(long lot, long clinic, String kind, int quantity, String reason, Long to,
            int expected) {
        // A transfer needs stock rights in both clinics.
        HttpResponse<String> moved = http.send("POST", "/api/v1/stock-movements", to == null ? admin : bothClinics,
                "{\"clinicId\":" + clinic
                + ",\"lotId\":" + lot + ",\"kind\":\"" + kind + "\",\"quantity\":" + quantity
                + (reason == null ? "" : ",\"reason\":\"" + reason + "\"") + (to == null ? "" : ",\"toClinicId\":" + to)
                + "}", Map.of());
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(expected);
        return moved;
    }

    private int quantity(long lot, long clinic) {
        return jdbc.sql("SELECT quantity FROM formulary_stock WHERE lot_id = :lot AND clinic_id = :clinic")
                .param("lot", lot).param("clinic", clinic).query(Integer.class).optional().orElse(0);
    }

    private String preparation(List<Long> lots, int each, String key, long recipient) {
        StringBuilder parts = new StringBuilder();
        for (long lot : lots) {
            parts.append(parts.isEmpty() ? "" : ",").append("{\"lotId\":").append(lot).append(",\"quantity\":")
                    .append(each).append("}");
        }
        return "{\"clinicId\":" + org.paris() + ",\"requestKey\":\"" + key + "\",\"lots\":[" + parts
                + "],\"recipients\":[{\"patientId\":" + recipient + ",\"sessionRef\":\"S-" + key + "\"}]}";
    }

    private HttpResponse<String> prepare(List<Long> lots, int each, String key) {
        return http.send("POST", "/api/v1/preparations", practitioner, preparation(lots, each, key, patient), Map.of());
    }
}
