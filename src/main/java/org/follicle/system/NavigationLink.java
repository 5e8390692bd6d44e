package org.follicle.system;

/**
 * An entry of the main navigation, declared as a bean by the module that owns the page.
 *
 * @param labelKey message key of the label
 * @param path the page's path
 * @param authority the authority a user needs to see the link, or {@code null} for every signed-in user
 * @param order position from the left
 */
public record NavigationLink(String labelKey, String path, String authority, int order) {
}
