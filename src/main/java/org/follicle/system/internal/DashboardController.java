package org.follicle.system.internal;

import java.util.List;

import org.follicle.system.DashboardTileSource;
import org.follicle.system.NavigationLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The page a user lands on after signing in; modules fill it with {@link DashboardTileSource}s. */
@Controller
class DashboardController {

    private final List<DashboardTileSource> sources;

    DashboardController(List<DashboardTileSource> sources) {
        this.sources = sources;
    }

    @GetMapping("/")
    String dashboard(Model model) {
        model.addAttribute("tiles", sources.stream().flatMap(source -> source.tiles().stream()).toList());
        return "system/dashboard";
    }

    @Configuration(proxyBeanMethods = false)
    static class Links {

        @Bean
        NavigationLink dashboardLink() {
            return new NavigationLink("nav.dashboard", "/", null, 0);
        }
    }
}
