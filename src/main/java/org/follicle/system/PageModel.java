package org.follicle.system;

import org.springframework.ui.ModelMap;

/**
 * What every page's layout shows that no one page's controller gives (the user, their clinics, the navigation),
 * declared as a bean by the module that knows it. Added when a page is rendered, after its controller, and never
 * to a JSON answer: as a controller advice's model attributes it was computed, through reflection, for every API
 * call too (a {@code @RestController} is a {@code @Controller}).
 */
public interface PageModel {

    /** Adds this module's attributes; a controller's own attribute of the same name stays. */
    void addTo(ModelMap model);
}
