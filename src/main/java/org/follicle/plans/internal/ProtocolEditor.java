package org.follicle.plans.internal;

import java.util.List;
import java.util.Map;

import org.follicle.security.AuditAction;
import org.follicle.security.AuditLog;
import org.follicle.security.AuditRecord;
import org.follicle.security.ClinicAccess;
import org.follicle.security.Privilege;
import org.follicle.system.BusinessRuleException;
import org.follicle.system.InvalidFieldsException;
import org.follicle.system.RecordNotFoundException;
import org.follicle.system.StaleRecordException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Clinic managers copy a protocol template and edit their copy (audited); plans already made keep the protocol
 * they were made with.
 */
@Service
@Transactional
class ProtocolEditor {

    static final String PROTOCOL = "protocol";

    private final ProtocolLibrary library;

    private final ClinicAccess access;

    private final AuditLog audit;

    ProtocolEditor(ProtocolLibrary library, ClinicAccess access, AuditLog audit) {
        this.library = library;
        this.access = access;
        this.audit = audit;
    }

    List<ProtocolLibrary.Protocol> list() {
        return library.list(access.current().organisationId());
    }

    ProtocolLibrary.Protocol get(String code) {
        return library.find(access.current().organisationId(), code)
                .orElseThrow(() -> new RecordNotFoundException(PROTOCOL, code));
    }

    /** A new protocol of the organisation, or a copy of one it sees (the definition, or the original as it is). */
    ProtocolLibrary.Protocol add(String copyOf, ProtocolDefinition definition) {
        long org = manager();
        ProtocolDefinition chosen = definition;
        if (copyOf != null) {
            ProtocolDefinition original = get(copyOf).definition();
            chosen = definition == null ? original : definition;
        }
        if (chosen == null) {
            throw BusinessRuleException.onField("definition", "protocol.definitionRequired");
        }
        check(chosen);
        if (library.ownOf(org, chosen.code()).isPresent()) {
            throw BusinessRuleException.onField("definition.code", "protocol.duplicate", chosen.code());
        }
        ProtocolLibrary.Protocol added = library.add(org, chosen, copyOf, access.current().username());
        audit.record(AuditRecord.success(AuditAction.CREATE, PROTOCOL, added.definition().code(), null));
        return added;
    }

    /** Changes the organisation's protocol; a shipped one becomes the organisation's own copy. */
    ProtocolLibrary.Protocol update(String code, int version, ProtocolDefinition definition) {
        long org = manager();
        ProtocolLibrary.Protocol current = get(code);
        if (!code.equals(definition.code())) {
            throw BusinessRuleException.onField("code", "protocol.codeChanged");
        }
        if (current.version() != version) {
            throw new StaleRecordException(PROTOCOL, code);
        }
        check(definition);
        if (current.shipped()) {
            return add(code, definition);
        }
        if (!library.update(org, definition, version, access.current().username())) {
            throw new StaleRecordException(PROTOCOL, code);
        }
        audit.record(AuditRecord.success(AuditAction.UPDATE, PROTOCOL, code, null));
        return library.ownOf(org, code).orElseThrow();
    }

    private void check(ProtocolDefinition definition) {
        Map<String, String> problems = library.problems(definition);
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException("protocol.invalid", problems);
        }
    }

    private long manager() {
        if (access.clinicsWith(Privilege.CLINIC_MANAGE).isEmpty()) {
            throw new AccessDeniedException("CLINIC_MANAGE");
        }
        return access.current().organisationId();
    }
}
