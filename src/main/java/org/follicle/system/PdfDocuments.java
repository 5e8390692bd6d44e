package org.follicle.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/** Renders a Thymeleaf template (strict XHTML) to PDF with openhtmltopdf, in a language: consents, quotes. */
@Component
public class PdfDocuments {

    private final TemplateEngine templates;

    PdfDocuments(TemplateEngine templates) {
        this.templates = templates;
    }

    public byte[] render(String template, Map<String, Object> model, Locale locale) {
        return render(template, model, locale, new PdfRendererBuilder());
    }

    /**
     * A document to keep for years (an invoice): PDF/A-3b, with its fonts embedded (Source Sans Pro, as {@code
     * font-family: archival}) and the sRGB colour profile, both taken from Mustang's library. PDF/A-3 is what
     * Factur-X attaches its data to.
     */
    public byte[] renderArchival(String template, Map<String, Object> model, Locale locale) {
        PdfRendererBuilder builder = new PdfRendererBuilder()
                .usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_3_B)
                .useColorProfile(resource("/sRGB.icc"));
        builder.useFont(() -> PdfDocuments.class.getResourceAsStream("/fonts/SourceSansPro-Regular.ttf"), "archival",
                400, BaseRendererBuilder.FontStyle.NORMAL, true);
        builder.useFont(() -> PdfDocuments.class.getResourceAsStream("/fonts/SourceSansPro-Bold.ttf"), "archival",
                700, BaseRendererBuilder.FontStyle.NORMAL, true);
        return render(template, model, locale, builder);
    }

    private byte[] render(String template, Map<String, Object> model, Locale locale, PdfRendererBuilder builder) {
        String html = templates.process(template, new Context(locale, model));
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
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

    private static byte[] resource(String path) {
        try (InputStream in = PdfDocuments.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the classpath");
            }
            return in.readAllBytes();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
