package org.follicle.intake.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/** Renders a signed consent to PDF (openhtmltopdf) from the template intake/consent-pdf.html, in its language. */
@Component
class ConsentPdf {

    private final TemplateEngine templates;

    ConsentPdf(TemplateEngine templates) {
        this.templates = templates;
    }

    byte[] render(Map<String, Object> model, String language) {
        Context context = new Context(Locale.forLanguageTag(language), model);
        String html = templates.process("intake/consent-pdf", context);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
