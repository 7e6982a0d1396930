/** Full-text search over contributions (titles and bodies) and communities (names and purposes), ranked, keyset-paged. */
package com.productivecommunity.query.search;
