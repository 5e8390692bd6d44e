package org.follicle.billing.internal;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.follicle.system.ETags;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** The price list, the patients' VAT choices and the courses they bought, on the JSON API. */
@RestController
@Tag(name = "Billing")
class PriceListApiController {

    private final PriceList prices;

    private final Courses courses;

    private final Invoices invoices;

    PriceListApiController(PriceList prices, Courses courses, Invoices invoices) {
        this.prices = prices;
        this.courses = courses;
        this.invoices = invoices;
    }

    @GetMapping("/api/v1/clinics/{clinicId}/price-list")
    @Operation(summary = "The clinic's price list: each treatment with its price and VAT category, the courses it "
            + "sells, its retail products with what it holds of each")
    PriceList.Listing priceList(@PathVariable long clinicId) {
        return prices.of(clinicId);
    }

    @PutMapping("/api/v1/clinics/{clinicId}/price-list/treatments/{typeCode}")
    @Operation(summary = "Set the VAT category a treatment is invoiced under by default (clinic managers)")
    PriceList.Listing setTreatmentVat(@PathVariable long clinicId, @PathVariable String typeCode,
            @Valid @RequestBody Category body) {
        prices.setTreatmentVat(clinicId, typeCode, body.vatCategory());
        return prices.of(clinicId);
    }

    @PutMapping("/api/v1/clinics/{clinicId}/price-list/products/{productId}")
    @Operation(summary = "Set the VAT category a retail product is sold under (clinic managers)")
    PriceList.Listing setProductVat(@PathVariable long clinicId, @PathVariable long productId,
            @Valid @RequestBody Category body) {
        prices.setProductVat(clinicId, productId, body.vatCategory());
        return prices.of(clinicId);
    }

    @PostMapping("/api/v1/clinics/{clinicId}/price-list/courses")
    @Operation(summary = "Add a course to the price list: sessions of one treatment sold ahead, valid for a number "
            + "of days (clinic managers)")
    ResponseEntity<Price> addCourse(@PathVariable long clinicId, @Valid @RequestBody PriceList.CourseInput body) {
        Price course = prices.addCourse(clinicId, body);
        return ResponseEntity.created(URI.create("/api/v1/price-list/courses/" + course.id()))
                .eTag(ETags.of(course.version())).body(course);
    }

    @PutMapping("/api/v1/price-list/courses/{priceId}")
    @Operation(summary = "Change a course for its next sales, or withdraw it (active false); courses sold keep what "
            + "they were sold as. If-Match with the course's ETag")
    ResponseEntity<Price> changeCourse(@PathVariable long priceId, @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @RequestBody PriceList.CourseInput body) {
        Price course = prices.changeCourse(priceId, ETags.requireVersion(ifMatch, PriceList.PRICE, priceId), body);
        return ResponseEntity.ok().eTag(ETags.of(course.version())).body(course);
    }

    @PostMapping("/api/v1/patients/{patientId}/vat-choice")
    @Operation(summary = "A practitioner's choice of the VAT category of the patient's treatments and courses, with "
            + "the reason (care with a therapeutic purpose is exempt in France and Spain); the latest applies")
    PriceStore.VatChoice chooseVat(@PathVariable long patientId, @Valid @RequestBody PriceList.VatChoiceInput body) {
        return prices.chooseVat(patientId, body);
    }

    @GetMapping("/api/v1/patients/{patientId}/courses")
    @Operation(summary = "The courses the patient bought, with the sessions used and left and their last valid day")
    List<CourseView> courses(@PathVariable long patientId) {
        return courses.ofPatient(patientId).stream()
                .map(course -> CourseView.of(course, courses.today(course.clinicId()))).toList();
    }

    @PostMapping("/api/v1/courses/{courseId}/cancellation")
    @Operation(summary = "Cancel a course: the sessions not used are credited pro rata by a credit note of its "
            + "invoice, which is answered")
    ResponseEntity<InvoiceView> cancel(@PathVariable long courseId, @Valid @RequestBody Courses.Cancellation body) {
        Invoice note = courses.cancel(courseId, body);
        return ResponseEntity.created(URI.create("/api/v1/invoices/" + note.id())).body(invoices.shown(note));
    }

    record Category(@NotBlank @Size(max = 20) String vatCategory) {
    }

    record CourseView(long id, long clinicId, long invoiceId, String name, String appointmentType, int sessions,
            int used, int remaining, java.time.LocalDate validUntil, Course.Status status, Long creditNoteId) {

        static CourseView of(Course course, java.time.LocalDate today) {
            return new CourseView(course.id(), course.clinicId(), course.invoiceId(), course.name(),
                    course.appointmentType(), course.sessions(), course.used(), course.remaining(),
                    course.validUntil(), course.status(today), course.creditNoteId());
        }
    }
}
