// What the server benchmarks write: one entry that fits the map's schema (the server refuses
// anything else), about the size of a short note: a "hoofd, hart, buik" entry under its own key.

/** The key of a benchmark edit called `name`: a valid entry id. */
export function editKey(name) {
  return `bench-${name}`.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 64)
}

/** The map the edits go in. */
export function editsOf(doc) {
  return doc.getMap('pulse')
}

/** Writes the edit `name` with `text` (at most 1,000 characters). */
export function writeEdit(doc, name, text) {
  editsOf(doc).set(editKey(name), { head: text, heart: '', gut: '', before: null, after: null })
}

/** The text of an edit as read back, or undefined. */
export function editText(value) {
  return value?.head
}
