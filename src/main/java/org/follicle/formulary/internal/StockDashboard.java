package org.follicle.formulary.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.follicle.security.ClinicAccess;
import org.follicle.security.Privilege;
import org.follicle.system.DashboardTile;
import org.follicle.system.DashboardTileSource;
import org.springframework.stereotype.Component;

/**
 * Stock alerts for the clinic the user works in (products below their reorder level, lots about to expire), and
 * the patients the user gave a recalled lot to who are still to be reached.
 */
@Component
class StockDashboard implements DashboardTileSource {

    private final StockStore ledger;

    private final StockService stock;

    private final FormularySettings.Store settings;

    private final ClinicAccess access;

    StockDashboard(StockStore ledger, StockService stock, FormularySettings.Store settings, ClinicAccess access) {
        this.ledger = ledger;
        this.stock = stock;
        this.settings = settings;
        this.access = access;
    }

    @Override
    public List<DashboardTile> tiles() {
        List<DashboardTile> tiles = new ArrayList<>();
        long toReach = ledger.contactsToMake(access.current().organisationId(), access.current().username());
        if (toReach > 0) {
            // The practitioner who gave a recalled lot is told: the patients are theirs to reach.
            tiles.add(new DashboardTile("dashboard.recallContacts", String.valueOf(toReach), "/formulary/stock"));
        }
        var clinic = access.selectedClinic();
        if (clinic.isEmpty() || !access.can(Privilege.STOCK_MANAGE, clinic.get())) {
            return tiles;
        }
        long organisation = access.current().organisationId();
        LocalDate today = stock.today(clinic.get());
        int days = settings.of(organisation).expiryWarningDays();
        tiles.add(new DashboardTile("dashboard.lowStock",
                String.valueOf(ledger.productsBelowReorderLevel(organisation, clinic.get(), today).size()),
                "/formulary/stock#to-reorder"));
        tiles.add(new DashboardTile("dashboard.expiringLots",
                String.valueOf(ledger.lotsExpiringBy(clinic.get(), today.plusDays(days))), "/formulary/stock"));
        return tiles;
    }
}
