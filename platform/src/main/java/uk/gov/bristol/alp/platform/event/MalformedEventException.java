package uk.gov.bristol.alp.platform.event;

/** An incoming record that is not a readable envelope; it goes to the dead-letter topic, never dropped. */
public class MalformedEventException extends RuntimeException {
    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
