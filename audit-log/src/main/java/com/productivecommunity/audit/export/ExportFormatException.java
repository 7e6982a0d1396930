package com.productivecommunity.audit.export;

/** A line that is not what the export format allows: names the line and what is wrong. */
public class ExportFormatException extends RuntimeException {

    private final long line;

    public ExportFormatException(long line, String message) {
        super("line " + line + ": " + message);
        this.line = line;
    }

    public ExportFormatException(long line, String message, Throwable cause) {
        super("line " + line + ": " + message, cause);
        this.line = line;
    }

    public long line() {
        return line;
    }
}
