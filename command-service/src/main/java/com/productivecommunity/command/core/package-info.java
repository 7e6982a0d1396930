/** What both aggregates rely on: event stamps, input limits, the command-side lookup, and the position a command reached. */
package com.productivecommunity.command.core;
