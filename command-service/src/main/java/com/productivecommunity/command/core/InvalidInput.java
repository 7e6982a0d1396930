package com.productivecommunity.command.core;

import com.productivecommunity.support.web.InvalidInputException;

/** A command's content breaks a limit or a rule about its own fields (400, naming the field). */
public class InvalidInput extends InvalidInputException {

    public InvalidInput(String field, String detail) {
        super(field, detail);
    }
}
