package org.follicle.formulary.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.follicle.security.ClinicAccess;
import org.follicle.security.Privilege;
import org.follicle.system.DashboardTile;
import org.follicle.system.DashboardTileSource;
import org.springframework.stereotype.Component;

/** Stock alerts for the clinic the user works in: products below their reorder level, lots about to expire. */
@Component
class StockDashboard implements DashboardTileSource {

    private final StockLedger ledger;

    private final StockService stock;

    private final FormularySettings.Store settings;

    private final ClinicAccess access;

    StockDashboard(StockLedger ledger, StockService stock, FormularySettings.Store settings, ClinicAccess access) {
        this.ledger = ledger;
        this.stock = stock;
        this.settings = settings;
        this.access = access;
    }

    @Override
    public List<DashboardTile> tiles() {
        List<DashboardTile> tiles = new ArrayList<>();
        var clinic = access.selectedClinic();
        if (clinic.isEmpty() || !access.can(Privilege.STOCK_MANAGE, clinic.get())) {
            return tiles;
        }
        long organisation = access.current().organisationId();
        LocalDate today = stock.today(clinic.get());
        int days = settings.of(organisation).expiryWarningDays();
        tiles.add(new DashboardTile("dashboard.lowStock",
                String.valueOf(ledger.productsBelowReorderLevel(organisation, clinic.get(), today)), "/formulary/stock"));
        tiles.add(new DashboardTile("dashboard.expiringLots",
                String.valueOf(ledger.lotsExpiringBy(clinic.get(), today.plusDays(days))), "/formulary/stock"));
        return tiles;
    }
}
