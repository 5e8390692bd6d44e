package org.follicle.clinics;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * A moment as a clinic reads it: in the clinic's time zone, with the zone stated ("2026-12-07 12:41
 * (Europe/Paris)"). Pages call it as {@code @clinicTime.shown(instant, clinicId)}. A clinic's zone rarely
 * changes; it is kept a few minutes.
 */
@Component("clinicTime")
public class ClinicTime {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private static final Duration KEPT = Duration.ofMinutes(5);

    private final ClinicDirectory clinics;

    private final Map<Long, Zone> zones = new ConcurrentHashMap<>();

    ClinicTime(ClinicDirectory clinics) {
        this.clinics = clinics;
    }

    public String shown(Instant at, long clinicId) {
        if (at == null) {
            return "";
        }
        ZoneId zone = zoneOf(clinicId);
        return SHOWN.format(at.atZone(zone)) + " (" + zone.getId() + ")";
    }

    public ZoneId zoneOf(long clinicId) {
        Instant now = Instant.now();
        Zone known = zones.get(clinicId);
        if (known != null && known.until().isAfter(now)) {
            return known.zone();
        }
        ZoneId zone = clinics.find(clinicId).map(ClinicView::zone).orElse(ZoneId.of("UTC"));
        zones.put(clinicId, new Zone(zone, now.plus(KEPT)));
        return zone;
    }

    private record Zone(ZoneId zone, Instant until) {
    }
}
