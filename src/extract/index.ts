// The extraction pipeline's one door: the rest of src/ imports from here only. Research tools
// (tools/, bench/) and the stage tests may reach inside.
export { parseArticle, parseArticleStrict } from './pipeline.js'
export { EXTRACTOR_VERSION } from './version.js'
export { fmix32, hashString, mix } from './learning/feature-hash.js'
export { gazetteerKey } from './knowledge/gazetteer.js'
export { placeIdentifiers, type PlaceIdentifiers } from './knowledge/place-ids.js'
