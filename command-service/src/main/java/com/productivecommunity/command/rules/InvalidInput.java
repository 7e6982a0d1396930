package com.productivecommunity.command.rules;

/** A command's content breaks a limit or a rule about its own fields; names the field. */
public final class InvalidInput extends Rejection {

    private final String field;

    public InvalidInput(String field, String detail) {
        super(Kind.INVALID, detail);
        this.field = field;
    }

    @Override
    public String field() {
        return field;
    }
}
