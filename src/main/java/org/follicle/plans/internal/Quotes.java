package org.follicle.plans.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.follicle.scheduling.AppointmentBook;
import org.follicle.scheduling.AppointmentType;
import org.follicle.security.AuditAction;
import org.follicle.security.AuditLog;
import org.follicle.security.AuditRecord;
import org.follicle.system.Languages;
import org.follicle.system.PdfDocuments;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The quote for a course from the price of each appointment type, with a PRP course beside it for comparison
 * (the organisation's PRP protocol), as a PDF in the patient's language. A type without a price is listed as such
 * and leaves the total incomplete, rather than counting it as free.
 */
@Service
@Transactional
class Quotes {

    static final String PRP = "PRP";

    private final Plans plans;

    private final ProtocolLibrary protocols;

    private final AppointmentBook book;

    private final PdfDocuments pdf;

    private final AuditLog audit;

    Quotes(Plans plans, ProtocolLibrary protocols, AppointmentBook book, PdfDocuments pdf, AuditLog audit) {
        this.plans = plans;
        this.protocols = protocols;
        this.book = book;
        this.pdf = pdf;
        this.audit = audit;
    }

    Quote quote(TreatmentPlan plan) {
        Map<String, AppointmentType> types = new LinkedHashMap<>();
        book.types(plan.organisationId()).forEach(t -> types.put(t.code(), t));
        Course course = course(plan.protocol(), types);
        Optional<Course> prp = PRP.equals(plan.protocol().code()) ? Optional.empty()
                : protocols.find(plan.organisationId(), PRP).map(p -> course(p.definition(), types));
        return new Quote(course, prp.orElse(null));
    }

    byte[] pdf(long planId) {
        Plans.PlanPage page = plans.page(planId);
        Locale locale = Optional.ofNullable(Languages.supported(page.patient().preferredLanguage()))
                .orElse(LocaleContextHolder.getLocale());
        Quote quote = quote(page.plan());
        audit.record(AuditRecord.success(AuditAction.PRINT, Plans.PLAN, planId, page.plan().clinicId()));
        return pdf.render("plans/quote-pdf", Map.of("page", page, "quote", quote, "patient", page.patient(),
                "protocolName", page.plan().protocol().name(locale), "prpName", protocols
                        .find(page.plan().organisationId(), PRP).map(p -> p.definition().name(locale)).orElse("")),
                locale);
    }

    private static Course course(ProtocolDefinition protocol, Map<String, AppointmentType> types) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        protocol.visits(java.time.LocalDate.of(2000, 1, 1))
                .forEach(v -> counts.merge(v.typeCode(), 1, Integer::sum));
        List<Line> lines = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        boolean complete = true;
        String currency = null;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            AppointmentType type = types.get(e.getKey());
            BigDecimal price = type == null ? null : type.price();
            BigDecimal amount = price == null ? null : price.multiply(BigDecimal.valueOf(e.getValue()));
            if (amount == null) {
                complete = false;
            }
            else {
                total = total.add(amount);
                currency = type.currency();
            }
            lines.add(new Line(e.getKey(), e.getValue(), price, amount));
        }
        return new Course(protocol.code(), lines, total, currency == null ? "EUR" : currency, complete);
    }

    record Quote(Course course, Course prpComparison) {
    }

    record Course(String protocolCode, List<Line> lines, BigDecimal total, String currency, boolean complete) {
    }

    record Line(String typeCode, int count, BigDecimal unitPrice, BigDecimal amount) {
    }

}
