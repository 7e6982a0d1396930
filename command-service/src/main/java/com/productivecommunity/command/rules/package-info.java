/**
 * What both aggregates' rules share, free of Spring MVC, JDBC and Kafka: the kinds of {@link
 * com.productivecommunity.command.rules.Rejection} a command can meet.
 */
package com.productivecommunity.command.rules;
