package org.follicle.system;

import java.util.Locale;

/** A signed-in user switched the page language; their account keeps it for next time. */
public record LanguageChosen(String username, Locale language) {
}
