package org.follicle.system.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.follicle.system.Languages;
import org.follicle.system.NavigationLink;
import org.follicle.system.PageModel;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.ModelMap;

/** What every page's layout shows: the navigation the user may follow, the languages, the database notice. */
@Component
class LayoutModel implements PageModel {

    private static final List<String> LANGUAGES = Languages.SUPPORTED.stream().map(Locale::getLanguage)
            .toList();

    private final List<NavigationLink> links;

    private final boolean embeddedDatabase;

    LayoutModel(List<NavigationLink> links,
            @Value("${" + DatabaseEnvironment.EMBEDDED_FLAG + ":false}") boolean embeddedDatabase) {
        this.links = links.stream().sorted(Comparator.comparingInt(NavigationLink::order)).toList();
        this.embeddedDatabase = embeddedDatabase;
    }

    @Override
    public void addTo(ModelMap model) {
        model.addAttribute("navigation", navigation());
        model.addAttribute("languages", LANGUAGES);
        model.addAttribute("embeddedDatabase", embeddedDatabase);
    }

    private List<NavigationLink> navigation() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user == null || !user.isAuthenticated()) {
            return List.of();
        }
        List<String> authorities = user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
        return links.stream().filter(link -> link.authority() == null || authorities.contains(link.authority()))
                .toList();
    }
}
