/**
 * The ground every module stands on: database start-up, page layout, errors, the JSON API conventions,
 * the clock, languages and demo data.
 * <p>
 * Depends on no other module; modules plug in through {@link org.follicle.system.DemoDataContributor},
 * {@link org.follicle.system.NavigationLink} and {@link org.follicle.system.PageModel}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.follicle.system;
