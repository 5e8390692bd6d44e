package org.follicle.security.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.Locale;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.follicle.system.Languages;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * After sign-in: start the absolute session clock, and speak the language the user chose last time (until they
 * choose, the browser's language is used).
 */
@Component
class SignInSuccess extends SavedRequestAwareAuthenticationSuccessHandler {

    private final StaffAccounts accounts;

    private final LocaleResolver locales;

    private final Clock clock;

    SignInSuccess(StaffAccounts accounts, LocaleResolver locales, Clock clock) {
        this.accounts = accounts;
        this.locales = locales;
        this.clock = clock;
        setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws ServletException, IOException {
        request.getSession().setAttribute(SessionLifetimeFilter.SIGNED_IN_AT, clock.millis());
        if (authentication.getPrincipal() instanceof StaffPrincipal principal) {
            accounts.findById(principal.staff().id()).map(StaffAccount::getLocale).map(Languages::supported)
                    .ifPresent((Locale saved) -> locales.setLocale(request, response, saved));
        }
        super.onAuthenticationSuccess(request, response, authentication);
    }
}
