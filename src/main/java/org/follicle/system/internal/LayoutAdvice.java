package org.follicle.system.internal;

import java.util.Comparator;
import java.util.List;

import org.follicle.system.Languages;
import org.follicle.system.NavigationLink;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout shows: the navigation the user may follow, the languages, the database notice. */
@ControllerAdvice(annotations = Controller.class)
class LayoutAdvice {

    private final List<NavigationLink> links;

    private final boolean embeddedDatabase;

    LayoutAdvice(List<NavigationLink> links,
            @Value("${" + DatabaseEnvironment.EMBEDDED_FLAG + ":false}") boolean embeddedDatabase) {
        this.links = links.stream().sorted(Comparator.comparingInt(NavigationLink::order)).toList();
        this.embeddedDatabase = embeddedDatabase;
    }

    @ModelAttribute("navigation")
    List<NavigationLink> navigation() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user == null || !user.isAuthenticated()) {
            return List.of();
        }
        List<String> authorities = user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
        return links.stream().filter(link -> link.authority() == null || authorities.contains(link.authority()))
                .toList();
    }

    @ModelAttribute("languages")
    List<String> languages() {
        return Languages.SUPPORTED.stream().map(java.util.Locale::getLanguage).toList();
    }

    @ModelAttribute("embeddedDatabase")
    boolean embeddedDatabase() {
        return embeddedDatabase;
    }
}
