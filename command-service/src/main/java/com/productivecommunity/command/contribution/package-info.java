/** Contributions: posting, reactions, views and accepting an answer. */
package com.productivecommunity.command.contribution;
