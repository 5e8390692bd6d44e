package org.follicle.support;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import nu.validator.validation.SimpleDocumentValidator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The Nu HTML Checker (the W3C's validator), run here from its local copy of the HTML schemas, never the network:
 * what it reports as an error in a page, with the line it is on.
 */
public final class HtmlChecker {

    private final SimpleDocumentValidator validator = new SimpleDocumentValidator();

    private final List<String> errors = new ArrayList<>();

    private String[] lines = new String[0];

    public HtmlChecker() {
        ErrorHandler collect = new ErrorHandler() {

            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                String line = e.getLineNumber() > 0 && e.getLineNumber() <= lines.length
                        ? lines[e.getLineNumber() - 1].strip() : "";
                errors.add("line " + e.getLineNumber() + ": " + e.getMessage() + " In: "
                        + line.substring(0, Math.min(line.length(), 200)));
            }

            @Override
            public void fatalError(SAXParseException e) {
                error(e);
            }
        };
        try {
            validator.setUpMainSchema("http://s.validator.nu/html5-rdfalite.rnc", collect);
            validator.setUpValidatorAndParsers(collect, true, false);
        }
        catch (Exception e) {
            throw new IllegalStateException("The HTML checker's schemas did not load", e);
        }
    }

    /** The errors in a page's HTML, each with its line; empty when the page is valid. */
    public synchronized List<String> errors(String html) {
        errors.clear();
        lines = html.split("\n", -1);
        try {
            validator.checkHtmlInputSource(new InputSource(new StringReader(html)));
        }
        catch (SAXException | IOException e) {
            errors.add(e.getMessage());
        }
        return List.copyOf(errors);
    }
}
