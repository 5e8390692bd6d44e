package org.follicle.system;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Several fields of a document that cannot be accepted as they are (a safety question left unanswered, more
 * vellus hairs than hairs counted): nothing is stored. The API answers 400 with every field; pages show them.
 *
 * @see #fields() field paths with their message keys
 */
public class InvalidFieldsException extends RuntimeException {

    private final String messageKey;

    private final transient Map<String, String> fields;

    public InvalidFieldsException(String messageKey, Map<String, String> fields) {
        super(messageKey + " " + fields.keySet());
        this.messageKey = messageKey;
        this.fields = new LinkedHashMap<>(fields);
    }

    /** What is wrong with the document as a whole, as a message key. */
    public String messageKey() {
        return messageKey;
    }

    /** Each field path with the message key saying what is wrong with it, in document order. */
    public Map<String, String> fields() {
        return new LinkedHashMap<>(fields);
    }
}
