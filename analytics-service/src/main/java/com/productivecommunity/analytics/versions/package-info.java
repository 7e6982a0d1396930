/**
 * Value model versions owned by the platform (issue 13): created by analysts, immutable, each replayed into a
 * lane of its own beside the default, its progress, promotion to default and retirement, each action recorded.
 */
package com.productivecommunity.analytics.versions;
