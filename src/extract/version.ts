/** Bumped whenever the pipeline's output changes, so stored articles can be re-parsed. */
export const EXTRACTOR_VERSION = '0.5.1'
