/**
 * The plan page's query for its header alone: a deadline no measure has.
 * The page then answers the plan (with its version) and its counts, taken
 * over all its measures, with no measures attached — all a summary row or a
 * version check needs, without sending thousands of measures.
 */
export const COUNTS_ONLY = { deadlineTo: '1900-01-01' } as const;
