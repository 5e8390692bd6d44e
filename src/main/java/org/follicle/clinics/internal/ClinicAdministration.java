package org.follicle.clinics.internal;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;

import org.follicle.clinics.ClinicView;
import org.follicle.clinics.RoomView;
import org.follicle.security.AuditAction;
import org.follicle.security.AuditLog;
import org.follicle.security.AuditRecord;
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

    private final ClinicStore clinics;

    private final ClinicAccess access;

    private final Clock clock;

    private final AuditLog audit;

    ClinicAdministration(ClinicStore clinics, ClinicAccess access, Clock clock, AuditLog audit) {
        this.audit = audit;
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

    ClinicView update(long clinicId, String name, String timeZone, int version) {
        access.requireVisible(Privilege.CLINIC_READ, clinicId, CLINIC, clinicId);
        access.require(Privilege.CLINIC_MANAGE, clinicId);
        clinics.updateClinic(clinicId, name.trim(), validZone(timeZone), version, clock.instant(),
                access.current().username());
        audit.record(AuditRecord.success(AuditAction.UPDATE, CLINIC, clinicId, clinicId));
        return clinics.findView(clinicId).orElseThrow();
    }

    RoomView addRoom(long clinicId, String name) {
        access.requireVisible(Privilege.CLINIC_READ, clinicId, CLINIC, clinicId);
        access.require(Privilege.CLINIC_MANAGE, clinicId);
        ClinicView clinic = clinics.findView(clinicId).orElseThrow();
        long id = clinics.addRoom(clinic.organisationId(), clinicId, name.trim(), clock.instant(),
                access.current().username());
        audit.record(AuditRecord.success(AuditAction.CREATE, "room", id, clinicId));
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
