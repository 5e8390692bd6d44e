package org.follicle.messaging;

/** How a patient is reached. */
public enum Channel {
    EMAIL, SMS
}
