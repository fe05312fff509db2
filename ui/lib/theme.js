// Light, dark, or follow the system: sets `data-theme` on <html> to the
// theme in use ("light" or "dark"), and follows the system while the
// setting is "system".

const query = window.matchMedia('(prefers-color-scheme: dark)');
let setting = 'system';

function resolved() {
  if (setting === 'light' || setting === 'dark') return setting;
  return query.matches ? 'dark' : 'light';
}

function apply() {
  document.documentElement.dataset.theme = resolved();
  document.documentElement.dataset.themeSetting = setting;
}

query.addEventListener('change', () => {
  if (setting === 'system') apply();
});

/** Uses `theme` ("light", "dark" or "system") from now on. */
export function applyTheme(theme) {
  setting = theme || 'system';
  apply();
}
