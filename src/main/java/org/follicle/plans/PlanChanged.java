package org.follicle.plans;

/** Published in the transaction that plans a course or changes its status or start (booked, paused, stopped...). */
public record PlanChanged(long planId, long patientId) {
}
