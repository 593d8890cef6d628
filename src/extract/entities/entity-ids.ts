// Stable, readable entity ids: the same referent gets the same id in every article, because the
// id is derived only from the entity's type and canonical name.
import type { EntityType } from '../../domain/values.js'

/** Lower-case, diacritics stripped, runs of anything but letters/digits as "-", no edge "-". */
export function slugify (name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '')
}

/** `${type}-${slug}`, e.g. "person-sergey-lavrov"; an empty slug becomes "unnamed". */
export function entityId (type: EntityType, name: string): string {
  return `${type}-${slugify(name) || 'unnamed'}`
}
