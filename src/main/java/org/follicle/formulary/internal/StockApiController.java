package org.follicle.formulary.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.follicle.formulary.LotSuggestion;
import org.follicle.formulary.Preparation;
import org.follicle.formulary.PreparationRequest;
import org.follicle.system.ApiPage;
import org.follicle.system.PageQuery;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Products, lots, the stock ledger, preparations and recall on the JSON API. */
@RestController
@Validated
@Tag(name = "Stock")
class StockApiController {

    private final ProductCatalogue catalogue;

    private final StockService stock;

    StockApiController(ProductCatalogue catalogue, StockService stock) {
        this.catalogue = catalogue;
        this.stock = stock;
    }

    @GetMapping("/api/v1/products")
    @Operation(summary = "The organisation's product catalogue with compositions, prices and VAT")
    List<ProductStore.Product> products() {
        return catalogue.list();
    }

    @GetMapping("/api/v1/products/{productId}")
    @Operation(summary = "One product")
    ProductStore.Product product(@PathVariable long productId) {
        return catalogue.get(productId);
    }

    @PostMapping("/api/v1/products")
    @Operation(summary = "Add a product to the catalogue (stock managers); its composition names library ingredients")
    ResponseEntity<ProductStore.Product> addProduct(@Valid @RequestBody ProductStore.Input body) {
        ProductStore.Product p = catalogue.add(body);
        return ResponseEntity.created(URI.create("/api/v1/products/" + p.id())).body(p);
    }

    @GetMapping("/api/v1/lots")
    @Operation(summary = "Lots in stock in the user's clinics, first expiry first; filter by clinic and product, "
            + "and usable=true to leave out expired lots")
    List<StockStore.LotStock> lots(@RequestParam(required = false) Long clinic,
            @RequestParam(required = false) Long product, @RequestParam(defaultValue = "false") boolean usable) {
        return stock.stock(clinic, product, usable);
    }

    @GetMapping("/api/v1/lots/suggestion")
    @Operation(summary = "Which lots of a product to take in a clinic for a quantity: first expiry first, expired "
            + "lots left out; fewer units than asked when stock is short")
    List<LotSuggestion> suggestion(@RequestParam long clinic, @RequestParam long product,
            @RequestParam @Min(1) @Max(1000) int quantity) {
        return stock.suggest(clinic, product, quantity);
    }

    @PostMapping("/api/v1/lots")
    @Operation(summary = "Receive a new lot into a clinic (lot number unique per product, expiry not past, "
            + "quantity above zero)")
    ResponseEntity<StockStore.Lot> receive(@Valid @RequestBody StockInputs.Receipt body) {
        StockStore.Lot lot = stock.receive(body);
        return ResponseEntity.created(URI.create("/api/v1/lots/" + lot.id())).body(lot);
    }

    @GetMapping("/api/v1/lots/{lotId}")
    @Operation(summary = "One lot and its stock in the user's clinics")
    LotJson lot(@PathVariable long lotId) {
        return new LotJson(stock.lot(lotId), stock.stockOfLot(lotId));
    }

    @PostMapping("/api/v1/lots/{lotId}/receipts")
    @Operation(summary = "Receive more units of a lot already received")
    ResponseEntity<StockStore.Movement> receiveMore(@PathVariable long lotId,
            @Valid @RequestBody StockInputs.MoreOfLot body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(stock.receiveMore(lotId, body));
    }

    @PostMapping("/api/v1/lots/{lotId}/recall")
    @Operation(summary = "Recall a lot (a clinic administrator where it is or was), with the reason: it is "
            + "quarantined at once and never offered or used again; each patient who received it gets a contact to "
            + "make and, with an email address, the recall email through the outbox. Returns the recall with its "
            + "contacts")
    RecallJson recall(@PathVariable long lotId, @Valid @RequestBody RecallRequest body) {
        return RecallJson.of(stock.recall(lotId, body.reason()));
    }

    @PostMapping("/api/v1/lots/{lotId}/recipients/{patientId}/reached")
    @Operation(summary = "Record that a patient who received a recalled lot was reached (by phone, in person), "
            + "with a note; the first record stands")
    RecallJson reached(@PathVariable long lotId, @PathVariable long patientId,
            @Valid @RequestBody ReachedRequest body) {
        stock.reached(lotId, patientId, body.note());
        return RecallJson.of(stock.recipients(lotId, false));
    }

    record RecallRequest(@jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 500)
            String reason) {
    }

    record ReachedRequest(@jakarta.validation.constraints.Size(max = 500) String note) {
    }

    @GetMapping("/api/v1/lots/{lotId}/recipients")
    @Operation(summary = "Recall: every patient and session that received the lot, directly or through a "
            + "preparation mixing several lots; patients the user may not read are only counted")
    RecallJson recipients(@PathVariable long lotId) {
        return RecallJson.of(stock.recipients(lotId, false));
    }

    @GetMapping(value = "/api/v1/lots/{lotId}/recipients.csv", produces = "text/csv")
    @Operation(summary = "The recall list as CSV")
    ResponseEntity<byte[]> recipientsCsv(@PathVariable long lotId) {
        StockService.Recall recall = stock.recipients(lotId, true);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"recall-lot-" + lotId + ".csv\"")
                .body(RecallCsv.of(recall).getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/api/v1/patients/{patientId}/lots")
    @Operation(summary = "Every lot the patient received, newest first, with the preparation it came in")
    List<StockStore.Receipt> patientLots(@PathVariable long patientId) {
        return stock.lotsOfPatient(patientId);
    }

    @GetMapping("/api/v1/stock-movements")
    @Operation(summary = "The stock ledger of the user's clinics, newest first; filter by clinic and lot")
    ApiPage<StockStore.Movement> movements(@RequestParam(required = false) Long clinic,
            @RequestParam(required = false) Long lot, @Valid PageQuery page) {
        StockService.Page<StockStore.Movement> rows = stock.movements(clinic, lot, page.page(), page.size());
        return page.page(rows.items(), rows.total());
    }

    @PostMapping("/api/v1/stock-movements")
    @Operation(summary = "Record a sale, waste, count adjustment (signed quantity, with a reason) or a transfer to "
            + "another clinic; refused when stock would go below zero")
    ResponseEntity<List<StockStore.Movement>> move(@Valid @RequestBody StockInputs.Movement body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(stock.move(body));
    }

    @PostMapping("/api/v1/preparations")
    @Operation(summary = "Record lots prepared and given to patients; uses the stock once. Sent again with the same "
            + "requestKey, returns the first record (200) and uses nothing")
    ResponseEntity<Preparation> prepare(@Valid @RequestBody PreparationRequest body) {
        Preparation p = stock.prepare(body);
        return ResponseEntity.status(p.alreadyRecorded() ? HttpStatus.OK : HttpStatus.CREATED).body(p);
    }

    record LotJson(StockStore.Lot lot, List<StockStore.LotStock> stock) {
    }

    /** @param contacts once the lot is recalled: each patient to reach, whether emailed, and when reached */
    record RecallJson(StockStore.Lot lot, List<Recipient> recipients, List<Contact> contacts, int patientsNotShown) {

        static RecallJson of(StockService.Recall recall) {
            return new RecallJson(recall.lot(), recall.lines().stream().map(l -> new Recipient(l.patient().id(),
                    l.patient().fileNumber(), l.patient().displayName(), l.patient().birthDate(),
                    l.receipt().clinicId(), l.receipt().sessionRef(), l.receipt().administeredAt(),
                    l.receipt().preparationId(), l.receipt().lotsInPreparation())).toList(),
                    recall.contacts().stream().map(c -> new Contact(c.patient().id(), c.patient().displayName(),
                            c.contact().givenBy(), c.contact().emailed(), c.contact().reachedAt(),
                            c.contact().reachedBy(), c.contact().reachedNote())).toList(),
                    recall.hiddenPatients());
        }
    }

    record Contact(long patientId, String name, String givenBy, boolean emailed, Instant reachedAt, String reachedBy,
            String reachedNote) {
    }

    record Recipient(long patientId, String fileNumber, String name, LocalDate birthDate, long clinicId,
            String sessionRef, Instant administeredAt, long preparationId, int lotsInPreparation) {
    }
}
