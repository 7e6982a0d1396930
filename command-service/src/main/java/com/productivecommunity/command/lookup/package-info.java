/** The command side's own small view of memberships and contributions, updated in the event's transaction. */
package com.productivecommunity.command.lookup;
