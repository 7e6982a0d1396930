/** Operating the projections: status and rebuild from the first event, for analysts. */
package com.productivecommunity.query.admin;
