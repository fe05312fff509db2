// The one way to the shell: `call(command, args)` over Tauri's invoke
// (withGlobalTauri, no bundler), and `messageOf(error)` to turn the shell's
// `{ code, message, fix }` errors into one calm sentence for the page
// (`fix`, when there is one, is what the page can offer: see notify.js).

const invoke = window.__TAURI__?.core?.invoke;

/** Calls a Trine command; rejects with `{ code, message, fix }`. */
export async function call(command, args = {}) {
  if (typeof invoke !== 'function') {
    throw {
      code: 'no_shell',
      message: 'This page works only inside the Trine app. Open Trine to see your journal.',
    };
  }
  try {
    return await invoke(command, args);
  } catch (error) {
    const problem = normalise(error);
    // Another Trine changed the journal's encryption while it was open
    // here: nothing was saved, and the passphrase must be given again.
    if (problem.code === 'replaced') window.dispatchEvent(new CustomEvent('trine:replaced'));
    throw problem;
  }
}

function normalise(error) {
  if (error && typeof error === 'object' && typeof error.message === 'string') {
    const fix = typeof error.fix === 'string' ? error.fix : null;
    return { code: String(error.code || 'error'), message: error.message, fix };
  }
  if (typeof error === 'string') return { code: 'error', message: error };
  return {
    code: 'unknown',
    message: 'Trine could not reach your journal. Close Trine and open it again.',
  };
}

/** One sentence for the page: capital first letter, a stop at the end. */
export function messageOf(error) {
  const text = normalise(error).message.trim();
  const capitalised = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

/** What the person can do about an error (`restore_backup`, …), or null. */
export function fixOf(error) {
  return normalise(error).fix ?? null;
}
