package com.productivecommunity.command.api;

import com.productivecommunity.support.projection.EventPosition;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Successful command responses: the status docs/api.md names, and the position the command reached. */
public final class Responses {

    private Responses() {
    }

    public static <T> ResponseEntity<T> of(HttpStatus status, CommandSender.Sent sent, T body) {
        return ResponseEntity.status(status).header(EventPosition.HEADER, sent.position().toString()).body(body);
    }

    public static ResponseEntity<Void> of(HttpStatus status, CommandSender.Sent sent) {
        return of(status, sent, null);
    }
}
