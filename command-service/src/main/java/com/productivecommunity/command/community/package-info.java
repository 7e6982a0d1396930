/** Communities: founding, membership, purposes and the outcomes leaders record. */
package com.productivecommunity.command.community;
