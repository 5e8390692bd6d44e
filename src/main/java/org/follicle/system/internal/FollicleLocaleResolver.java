package org.follicle.system.internal;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.follicle.system.LanguageChosen;
import org.follicle.system.Languages;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationEventPublisherAware;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The page language: the user's choice for this session (set from their saved preference at sign-in, or
 * by the language switcher), else the browser's preferred language among those Follicle speaks, else
 * English. A choice made with the switcher is announced as {@link LanguageChosen} so it can be saved.
 */
class FollicleLocaleResolver implements LocaleResolver, ApplicationEventPublisherAware {

    static final String SESSION_ATTRIBUTE = "follicle.locale";

    private ApplicationEventPublisher events;

    @Override
    public void setApplicationEventPublisher(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_ATTRIBUTE) instanceof String tag) {
            Locale chosen = Languages.supported(tag);
            if (chosen != null) {
                return chosen;
            }
        }
        var preferred = request.getLocales();
        while (preferred.hasMoreElements()) {
            Locale supported = Languages.supported(preferred.nextElement().toLanguageTag());
            if (supported != null) {
                return supported;
            }
        }
        return Locale.ENGLISH;
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        Locale supported = locale == null ? null : Languages.supported(locale.toLanguageTag());
        if (supported == null) {
            return;
        }
        request.getSession().setAttribute(SESSION_ATTRIBUTE, supported.toLanguageTag());
        if (request.getUserPrincipal() != null && request.getParameter("lang") != null) {
            events.publishEvent(new LanguageChosen(request.getUserPrincipal().getName(), supported));
        }
    }
}
