/** command-service: decides whether a command is accepted, stores its event, and publishes events to Kafka. */
package com.productivecommunity.command;
