package org.follicle.clinics.internal;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;

import org.follicle.clinics.ClinicView;
import org.follicle.clinics.RoomView;
import org.follicle.security.AuditAction;
import org.follicle.security.Audited;
import org.follicle.security.ClinicAccess;
import org.follicle.security.Privilege;
import org.follicle.system.BusinessRuleException;
import org.follicle.system.RecordNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Clinics and rooms with access checks: members of a clinic see it, its admins change it, and nobody else even
 * learns that it exists.
 */
@Service
@Transactional
class ClinicAdministration {

    static final String CLINIC = "clinic";

    private final Clinics clinics;

    private final ClinicAccess access;

    private final Clock clock;

    ClinicAdministration(Clinics clinics, ClinicAccess access, Clock clock) {
        this.clinics = clinics;
        this.access = access;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<ClinicView> myClinics() {
        return clinics.findAll(access.clinicsWith(Privilege.CLINIC_READ));
    }

    @Transactional(readOnly = true)
    ClinicView clinic(long clinicId) {
        access.requireVisible(Privilege.CLINIC_READ, clinicId, CLINIC, clinicId);
        return clinics.findView(clinicId).orElseThrow(() -> new RecordNotFoundException(CLINIC, clinicId));
    }

    @Transactional(readOnly = true)
    List<RoomView> rooms(long clinicId) {
        access.requireVisible(Privilege.CLINIC_READ, clinicId, CLINIC, clinicId);
        return clinics.roomsOf(clinicId);
    }

    @Audited(action = AuditAction.UPDATE, recordType = CLINIC, recordId = "#clinicId", clinicId = "#clinicId")
    ClinicView update(long clinicId, String name, String timeZone, int version) {
        access.requireVisible(Privilege.CLINIC_READ, clinicId, CLINIC, clinicId);
        access.require(Privilege.CLINIC_MANAGE, clinicId);
        clinics.updateClinic(clinicId, name.trim(), validZone(timeZone), version, clock.instant(),
                access.current().username());
        return clinics.findView(clinicId).orElseThrow();
    }

    @Audited(action = AuditAction.CREATE, recordType = "room", recordId = "#result.id()", clinicId = "#clinicId")
    RoomView addRoom(long clinicId, String name) {
        access.requireVisible(Privilege.CLINIC_READ, clinicId, CLINIC, clinicId);
        access.require(Privilege.CLINIC_MANAGE, clinicId);
        ClinicView clinic = clinics.findView(clinicId).orElseThrow();
        long id = clinics.addRoom(clinic.organisationId(), clinicId, name.trim(), clock.instant(),
                access.current().username());
        return clinics.roomsOf(clinicId).stream().filter(room -> room.id() == id).findFirst().orElseThrow();
    }

    private static String validZone(String timeZone) {
        try {
            return ZoneId.of(timeZone.trim()).getId();
        }
        catch (DateTimeException e) {
            throw BusinessRuleException.onField("timeZone", "clinic.timeZoneUnknown", timeZone);
        }
    }
}
