/**
 * The HTTP side of commands, shared by both features' controllers: sending a command and answering the
 * position it reached ({@code CommandSender}, {@code Responses}, the interceptors of {@code CommandPositions}),
 * and the one mapping of domain rejections to problem+json ({@code RejectionAdvice}).
 */
package com.productivecommunity.command.api;
