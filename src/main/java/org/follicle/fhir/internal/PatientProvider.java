package org.follicle.fhir.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import ca.uhn.fhir.model.valueset.BundleTypeEnum;
import ca.uhn.fhir.rest.annotation.ConditionalUrlParam;
import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.StringAndListParam;
import ca.uhn.fhir.rest.param.StringOrListParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.follicle.patients.PatientDetails;
import org.follicle.patients.PatientExchange;
import org.follicle.patients.PatientView;
import org.follicle.patients.PossibleDuplicatesException;
import org.follicle.patients.Sex;
import org.follicle.security.ClinicAccess;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Patients: read (the current version; a past one is not kept as a resource, the audit trail says who changed
 * what), search, create and update through the registry's own checks (look-alikes refused, If-Match required).
 */
@Component
class PatientProvider implements IResourceProvider {

    /** The most resources of a patient's record one page of $everything holds. */
    static final int EVERYTHING_PAGE = 1000;

    private final PatientExchange patients;

    private final ClinicAccess access;

    private final Validator validator;

    private final MessageSource messages;

    private final PatientRecord record;

    PatientProvider(PatientExchange patients, ClinicAccess access, Validator validator, MessageSource messages,
            @org.springframework.context.annotation.Lazy PatientRecord record) {
        this.patients = patients;
        this.access = access;
        this.validator = validator;
        this.messages = messages;
        this.record = record;
    }

    @Override
    public Class<Patient> getResourceType() {
        return Patient.class;
    }

    @Read(version = true)
    public Patient read(@IdParam IdType id, HttpServletRequest request) {
        PatientView patient = patients.read(Ids.number(id));
        if (id.hasVersionIdPart() && !id.getVersionIdPart().equals(String.valueOf(patient.version()))) {
            throw new ResourceNotFoundException(text("fhir.versionNotKept", request, patient.version()));
        }
        return resource(patient);
    }

    @Search
    public IBundleProvider search(@OptionalParam(name = Patient.SP_IDENTIFIER) TokenParam identifier,
            @OptionalParam(name = Patient.SP_NAME) StringAndListParam name,
            @OptionalParam(name = Patient.SP_FAMILY) StringParam family,
            @OptionalParam(name = Patient.SP_GIVEN) StringParam given,
            @OptionalParam(name = Patient.SP_BIRTHDATE) DateRangeParam birthDate,
            @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated,
            @Offset Integer offset, @Count Integer count, HttpServletRequest request) {
        List<String> names = new ArrayList<>();
        if (name != null) {
            for (StringOrListParam any : name.getValuesAsQueryTokens()) {
                if (any.getValuesAsQueryTokens().size() > 1) {
                    throw new InvalidRequestException(text("fhir.search.nameOr", request));
                }
                names.add(any.getValuesAsQueryTokens().get(0).getValue());
            }
        }
        Days born = Days.of(birthDate);
        PatientExchange.Criteria criteria = new PatientExchange.Criteria(fileNumber(identifier, request), names,
                family == null ? null : family.getValue(), given == null ? null : given.getValue(),
                born.from(), born.until(),
                lastUpdated == null || lastUpdated.getLowerBoundAsInstant() == null ? null
                        : lastUpdated.getLowerBoundAsInstant().toInstant(),
                lastUpdated == null || lastUpdated.getUpperBoundAsInstant() == null ? null
                        : lastUpdated.getUpperBoundAsInstant().toInstant().plusMillis(1));
        int from = Pages.offset(offset);
        int size = Pages.count(count);
        PatientExchange.Matches matches = patients.find(criteria, from, size);
        return Pages.of(matches.patients().stream().map(PatientProvider::resource).toList(), from, size,
                matches.total());
    }

    @Create
    public MethodOutcome create(@ResourceParam Patient resource, @ConditionalUrlParam String ifNoneExist,
            HttpServletRequest request) {
        if (ifNoneExist != null) {
            List<PatientView> existing = matching(ifNoneExist, request);
            if (existing.size() > 1) {
                throw new PreconditionFailedException(text("fhir.conditional.ambiguous", request));
            }
            if (existing.size() == 1) {
                return outcome(existing.get(0)).setCreated(false);
            }
        }
        return register(resource, request);
    }

    @Update
    public MethodOutcome update(@IdParam IdType id, @ResourceParam Patient resource,
            @ConditionalUrlParam String condition, HttpServletRequest request) {
        PatientView current;
        if (condition != null) {
            List<PatientView> found = matching(condition, request);
            if (found.size() > 1) {
                throw new PreconditionFailedException(text("fhir.conditional.ambiguous", request));
            }
            if (found.isEmpty()) {
                return register(resource, request);
            }
            current = found.get(0);
        }
        else {
            current = patients.read(Ids.number(id));
            if (resource.hasIdElement() && resource.getIdElement().hasIdPart()
                    && !resource.getIdElement().getIdPart().equals(id.getIdPart())) {
                throw new InvalidRequestException(text("fhir.update.idMismatch", request));
            }
            if (id.getVersionIdPart() == null) {
                throw new FhirErrors.PreconditionRequired(text("problem.ifMatchRequired", request));
            }
        }
        int version = id != null && id.getVersionIdPart() != null ? version(id.getVersionIdPart())
                : current.version();
        return outcome(patients.correct(current.id(), details(resource, request), version));
    }

    /**
     * Everything about the patient (also their copy of their record, for the right of access): one page of up to a
     * thousand resources at a time, {@code _type} to keep some types only.
     */
    @Operation(name = "$everything", idempotent = true, type = Patient.class,
            bundleType = BundleTypeEnum.SEARCHSET)
    public IBundleProvider everything(@IdParam IdType id,
            @OperationParam(name = "_type") StringType types, @OperationParam(name = "_count") IntegerType count,
            @OperationParam(name = "_offset") IntegerType offset) {
        Set<String> kept = types == null || types.getValue() == null ? Set.of()
                : java.util.Arrays.stream(types.getValue().split(",")).map(String::trim)
                        .collect(java.util.stream.Collectors.toSet());
        List<org.hl7.fhir.r4.model.Resource> all = record.everything(Ids.number(id), kept);
        int from = Pages.offset(offset == null ? null : offset.getValue());
        int size = count == null || count.getValue() == null ? EVERYTHING_PAGE
                : Math.max(0, Math.min(count.getValue(), EVERYTHING_PAGE));
        return Pages.of(all.subList(Math.min(from, all.size()), Math.min(all.size(), from + size)), from, size,
                all.size());
    }

    static Patient resource(PatientView p) {
        Patient patient = new Patient();
        patient.setId(new IdType("Patient", String.valueOf(p.id()), String.valueOf(p.version())));
        patient.getMeta().setVersionId(String.valueOf(p.version())).setLastUpdated(Date.from(p.changedAt()));
        patient.addIdentifier().setUse(Identifier.IdentifierUse.OFFICIAL).setSystem(Terms.FILE_NUMBER)
                .setValue(p.fileNumber());
        patient.setActive(!p.voided());
        patient.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily(p.familyName()).addGiven(p.givenName());
        patient.setGender(switch (p.sex()) {
            case FEMALE -> AdministrativeGender.FEMALE;
            case MALE -> AdministrativeGender.MALE;
            case OTHER -> AdministrativeGender.OTHER;
            case UNKNOWN -> AdministrativeGender.UNKNOWN;
        });
        patient.setBirthDateElement(new DateType(p.birthDate().toString()));
        if (p.phone() != null) {
            patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(p.phone());
        }
        if (p.email() != null) {
            patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(p.email());
        }
        if (p.preferredLanguage() != null) {
            patient.addCommunication().setPreferred(true).getLanguage().addCoding()
                    .setSystem("urn:ietf:bcp:47").setCode(p.preferredLanguage())
                    .setDisplay(Locale.forLanguageTag(p.preferredLanguage()).getDisplayLanguage(Locale.ENGLISH));
        }
        patient.setManagingOrganization(Ids.clinic(p.clinicId()));
        return patient;
    }

    /** Registers the patient; a look-alike of a registered patient is refused (409), as the registry refuses it. */
    private MethodOutcome register(Patient resource, HttpServletRequest request) {
        PatientDetails details = details(resource, request);
        try {
            return outcome(patients.register(clinicOf(resource), details)).setCreated(true);
        }
        catch (PossibleDuplicatesException e) {
            throw new ResourceVersionConflictException(text("fhir.patient.possibleDuplicates", request,
                    String.join(", ", e.candidates().stream().map(p -> "Patient/" + p.id()).toList())));
        }
    }

    private static MethodOutcome outcome(PatientView patient) {
        Patient resource = resource(patient);
        return new MethodOutcome(resource.getIdElement()).setResource(resource);
    }

    /** What the registry needs from the resource, checked as the registry's form checks it. */
    private PatientDetails details(Patient resource, HttpServletRequest request) {
        HumanName name = resource.getName().stream().filter(n -> n.getUse() == HumanName.NameUse.OFFICIAL)
                .findFirst().orElse(resource.getNameFirstRep());
        String given = name.getGiven().stream().map(StringType::getValue).filter(v -> v != null && !v.isBlank())
                .reduce((a, b) -> a + " " + b).orElse(null);
        if (name.getFamily() == null || name.getFamily().isBlank() || given == null) {
            throw new UnprocessableEntityException(text("fhir.patient.nameRequired", request));
        }
        if (resource.getBirthDate() == null) {
            throw new UnprocessableEntityException(text("fhir.patient.birthDateRequired", request));
        }
        String language = resource.getCommunication().stream()
                .filter(c -> c.getPreferred() || resource.getCommunication().size() == 1)
                .flatMap(c -> c.getLanguage().getCoding().stream()).map(c -> c.getCode()).filter(c -> c != null)
                .map(c -> Locale.forLanguageTag(c).getLanguage()).findFirst().orElse(null);
        PatientDetails details = new PatientDetails(name.getFamily().trim(), given.trim(),
                LocalDate.parse(resource.getBirthDateElement().getValueAsString().substring(0, 10)),
                sex(resource.getGender()), telecom(resource, ContactPoint.ContactPointSystem.PHONE),
                telecom(resource, ContactPoint.ContactPointSystem.EMAIL), language);
        Set<ConstraintViolation<PatientDetails>> violations = validator.validate(details);
        if (!violations.isEmpty()) {
            Locale locale = FhirErrors.locale(request);
            throw new UnprocessableEntityException(violations.stream()
                    .map(v -> messages.getMessage("fhir.patient.field." + v.getPropertyPath(), null,
                            v.getPropertyPath().toString(), locale) + ": " + v.getMessage())
                    .sorted().reduce((a, b) -> a + "; " + b).orElseThrow());
        }
        return details;
    }

    private static Sex sex(AdministrativeGender gender) {
        if (gender == null) {
            return Sex.UNKNOWN;
        }
        return switch (gender) {
            case FEMALE -> Sex.FEMALE;
            case MALE -> Sex.MALE;
            case OTHER -> Sex.OTHER;
            default -> Sex.UNKNOWN;
        };
    }

    private static String telecom(Patient resource, ContactPoint.ContactPointSystem system) {
        return resource.getTelecom().stream().filter(t -> t.getSystem() == system).map(ContactPoint::getValue)
                .filter(v -> v != null && !v.isBlank()).findFirst().orElse(null);
    }

    /** The clinic named by managingOrganization, else the one the user works in. */
    private long clinicOf(Patient resource) {
        if (resource.hasManagingOrganization() && resource.getManagingOrganization().hasReference()) {
            return Ids.number(resource.getManagingOrganization().getReferenceElement().getIdPart(), Ids.CLINIC);
        }
        return access.workingClinic();
    }

    /** The patients a conditional create or update names (its search, cut at two: one is all it may match). */
    private List<PatientView> matching(String url, HttpServletRequest request) {
        Map<String, String> query = new LinkedHashMap<>();
        String params = url.contains("?") ? url.substring(url.indexOf('?') + 1) : url;
        for (String pair : params.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        for (String key : query.keySet()) {
            if (!Set.of("identifier", "family", "given", "birthdate").contains(key)) {
                throw new InvalidRequestException(text("fhir.conditional.unsupported", request, key));
            }
        }
        if (query.isEmpty()) {
            throw new InvalidRequestException(text("fhir.conditional.unsupported", request, url));
        }
        LocalDate born = query.containsKey("birthdate") ? date(query.get("birthdate"), request) : null;
        return patients.find(new PatientExchange.Criteria(
                query.containsKey("identifier") ? fileNumber(token(query.get("identifier")), request) : null,
                List.of(), query.get("family"), query.get("given"), born, born == null ? null : born.plusDays(1),
                null, null), 0, 2).patients();
    }

    private static TokenParam token(String text) {
        int bar = text.indexOf('|');
        return bar < 0 ? new TokenParam(text) : new TokenParam(text.substring(0, bar), text.substring(bar + 1));
    }

    private LocalDate date(String text, HttpServletRequest request) {
        try {
            return LocalDate.parse(text);
        }
        catch (java.time.format.DateTimeParseException e) {
            throw new InvalidRequestException(text("fhir.search.dateInvalid", request, text));
        }
    }

    /** The file number an identifier token asks for; only Follicle's own identifier system is kept. */
    private String fileNumber(TokenParam identifier, HttpServletRequest request) {
        if (identifier == null) {
            return null;
        }
        if (identifier.getSystem() != null && !identifier.getSystem().isEmpty()
                && !identifier.getSystem().equals(Terms.FILE_NUMBER)) {
            throw new InvalidRequestException(text("fhir.identifier.systemUnknown", request, identifier.getSystem(),
                    Terms.FILE_NUMBER));
        }
        return identifier.getValue();
    }

    private static int version(String text) {
        try {
            return Integer.parseInt(text.replace("W/", "").replace("\"", ""));
        }
        catch (NumberFormatException e) {
            throw new PreconditionFailedException("If-Match: " + text);
        }
    }

    private String text(String key, HttpServletRequest request, Object... args) {
        return messages.getMessage(key, args, key, FhirErrors.locale(request));
    }
}
