/** Value model versions as data: weights per signal and the productivity threshold, loaded from resources. */
package com.productivecommunity.analytics.model;
