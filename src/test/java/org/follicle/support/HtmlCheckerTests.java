package org.follicle.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The checker the page tests rely on finds what it should, offline. */
class HtmlCheckerTests {

    @Test
    void findsInvalidHtmlAndPassesValidHtml() {
        HtmlChecker checker = new HtmlChecker();
        assertThat(checker.errors("<!DOCTYPE html><html lang=en><head><title>t</title></head><body>"
                + "<span><details><summary>s</summary></details></span><input id=a><input id=a></body></html>"))
                .anySatisfy(error -> assertThat(error).contains("details"))
                .anySatisfy(error -> assertThat(error).contains("Duplicate ID"));
        assertThat(checker.errors("<!DOCTYPE html><html lang=en><head><title>t</title></head><body><p>Hello</p>"
                + "</body></html>")).isEmpty();
    }
}
