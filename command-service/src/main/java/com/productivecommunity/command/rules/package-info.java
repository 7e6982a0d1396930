/**
 * What both aggregates' rules share, free of Spring MVC, JDBC and Kafka: the kinds of {@link
 * com.productivecommunity.command.rules.Rejection} a command can meet, the input {@code Limits} every field
 * meets, what a handler may know of other aggregates ({@code CommandLookup}, kept by package {@code lookup})
 * and where new ids and times come from ({@code Stamps}).
 */
package com.productivecommunity.command.rules;
