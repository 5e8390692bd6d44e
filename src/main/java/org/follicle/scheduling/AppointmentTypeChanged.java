package org.follicle.scheduling;

/**
 * Published in the transaction that adds or changes one of an organisation's appointment types: its length, its
 * interval, its price (which is in the cost of every course with an appointment of that type).
 */
public record AppointmentTypeChanged(long organisationId, String code) {
}
