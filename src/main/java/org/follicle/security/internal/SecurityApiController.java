package org.follicle.security.internal;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.follicle.security.AuditVerification;
import org.follicle.security.ClinicAccess;
import org.follicle.security.CurrentStaff;
import org.follicle.security.Role;
import org.follicle.system.ApiPage;
import org.follicle.system.PageQuery;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The JSON API of accounts, tokens and the audit log. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Staff and audit")
class SecurityApiController {

    private final ClinicAccess access;

    private final StaffAdministration staff;

    private final AccessTokens tokens;

    private final AuditSearch audit;

    private final AuditVerifier verifier;

    SecurityApiController(ClinicAccess access, StaffAdministration staff, AccessTokens tokens, AuditSearch audit,
            AuditVerifier verifier) {
        this.access = access;
        this.staff = staff;
        this.tokens = tokens;
        this.audit = audit;
        this.verifier = verifier;
    }

    @GetMapping("/me")
    @Operation(summary = "The caller: account and roles per clinic")
    Me me() {
        CurrentStaff me = access.current();
        return new Me(me.id(), me.username(), me.displayName(), me.organisationId(), me.rolesByClinic());
    }

    @GetMapping("/me/tokens")
    @Operation(summary = "The caller's personal access tokens (never the secrets)")
    List<AccessTokens.TokenView> myTokens() {
        return tokens.of(access.current().id());
    }

    @DeleteMapping("/me/tokens/{tokenId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke one of the caller's tokens")
    void revoke(@PathVariable long tokenId) {
        tokens.revoke(access.current().id(), tokenId);
    }

    @GetMapping("/staff")
    @PreAuthorize("hasAuthority('PRIV_STAFF_MANAGE')")
    @Operation(summary = "Staff accounts the caller manages, by name")
    ApiPage<StaffAdministration.StaffSummary> staff(@RequestParam(required = false) String q,
            @Valid @ParameterObject PageQuery page) {
        return staff.list(q, page);
    }

    @GetMapping("/staff/{staffId}")
    @PreAuthorize("hasAuthority('PRIV_STAFF_MANAGE')")
    @Operation(summary = "One staff account")
    StaffAdministration.StaffSummary staffMember(@PathVariable long staffId) {
        return staff.get(staffId);
    }

    @GetMapping("/audit")
    @PreAuthorize("hasAuthority('PRIV_AUDIT_READ')")
    @Operation(summary = "Search the audit log, newest first")
    ApiPage<AuditSearch.AuditEntryView> audit(@ParameterObject AuditSearch.AuditQuery query,
            @Valid @ParameterObject PageQuery page) {
        return audit.search(query, page, ZoneOffset.UTC);
    }

    @PostMapping("/audit/verification")
    @PreAuthorize("hasAuthority('PRIV_AUDIT_READ')")
    @Operation(summary = "Verify the audit log's hash chain")
    AuditVerification verify() {
        return verifier.verifyAndRecord();
    }

    /** The caller as the API describes them. */
    record Me(long id, String username, String displayName, long organisationId, Map<Long, Set<Role>> rolesByClinic) {
    }
}
