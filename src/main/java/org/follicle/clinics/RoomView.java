package org.follicle.clinics;

/** A treatment room of a clinic. */
public record RoomView(long id, long clinicId, String name, boolean active, int version) {
}
