package org.follicle.system;

/**
 * One figure on the dashboard, such as "staff accounts: 4", with a link to the page behind it.
 *
 * @param labelKey message key of the label
 * @param value the figure, already formatted
 * @param path where the tile leads, or {@code null}
 */
public record DashboardTile(String labelKey, String value, String path) {
}
