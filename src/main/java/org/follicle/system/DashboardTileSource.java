package org.follicle.system;

import java.util.List;

/** A module's tiles for the signed-in user's dashboard; it shows only what the user may see. */
public interface DashboardTileSource {

    List<DashboardTile> tiles();
}
