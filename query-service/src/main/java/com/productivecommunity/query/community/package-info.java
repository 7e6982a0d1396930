/** Communities as members see them: the list, and one community's purpose, leaders and members. */
package com.productivecommunity.query.community;
