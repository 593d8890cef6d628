// Indexing under noUncheckedIndexedAccess without non-null assertions. The indices passed here come
// from bounds-checked loops, so a miss is a bug: it throws, parseArticle's guard catches it, and
// the strict entry point used by the tests surfaces it.
export function at<T> (items: ArrayLike<T>, index: number): T {
  const item = items[index < 0 ? items.length + index : index]
  if (item === undefined) throw new RangeError(`index ${index} out of range (${items.length})`)
  return item
}
