// Entries ticked in the Journal for an export: handed to the Export screen
// once, which starts from them instead of every entry its filters match.

let picked = null;

/**
 * Remembers `ids` (entry ids) as the entries chosen for the next export;
 * `privateIds` are those among them marked private.
 */
export function pickForExport(ids, privateIds = []) {
  picked = { ids: new Set(ids), privateIds: new Set(privateIds) };
}

/** The entries chosen in the Journal (`{ ids, privateIds }`), if any, forgotten once taken. */
export function takePick() {
  const taken = picked;
  picked = null;
  return taken;
}
