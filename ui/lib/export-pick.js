// Entries ticked in the Journal for an export: handed to the Export screen
// once, which starts from them instead of every entry its filters match.

let picked = null;

/** Remembers `ids` (entry ids) as the entries chosen for the next export. */
export function pickForExport(ids) {
  picked = new Set(ids);
}

/** The entries chosen in the Journal, if any, forgotten once taken. */
export function takePick() {
  const ids = picked;
  picked = null;
  return ids;
}
