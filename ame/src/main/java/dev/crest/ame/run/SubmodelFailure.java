package dev.crest.ame.run;

/** A submodel whose training or evaluation failed twice (first attempt and its retry), with the last error. */
public record SubmodelFailure(int index, Throwable cause) {
    /** One line for a terminal: the index and the error's message. */
    public String describe() {
        String message = cause.getMessage();
        return "submodel " + index + " failed twice: " + cause.getClass().getSimpleName()
                + (message == null ? "" : ": " + message);
    }
}
