package com.productivecommunity.support.web;

import java.io.IOException;

/** A request body grew past the limit while it was being read (a chunked body has no Content-Length to check first). */
class BodyTooLargeException extends IOException {
    BodyTooLargeException(long limit) {
        super("Request body is larger than " + limit + " bytes");
    }
}
