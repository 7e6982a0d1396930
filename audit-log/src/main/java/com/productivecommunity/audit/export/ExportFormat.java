package com.productivecommunity.audit.export;

/** Names and limits of the export format (see audit-log/README.md, "Export format"). */
public final class ExportFormat {

    public static final String FORMAT = "pc-audit-export";
    public static final int VERSION = 1;
    public static final String MEDIA_TYPE = "application/jsonl";

    /** Longest line a reader accepts by default: far above any event, far below the heap. */
    public static final int DEFAULT_MAX_LINE_BYTES = 64 * 1024 * 1024;

    private ExportFormat() {
    }
}
