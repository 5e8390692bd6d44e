package org.follicle.patients;

/** Administrative sex, as FHIR's AdministrativeGender. */
public enum Sex {
    FEMALE, MALE, OTHER, UNKNOWN
}
