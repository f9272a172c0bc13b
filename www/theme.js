// Light/dark theme: follows prefers-color-scheme until the user picks one with the toggle;
// the choice is kept in localStorage and set as <html data-theme="light|dark">.

const KEY = 'dateline-theme';
const media = window.matchMedia('(prefers-color-scheme: dark)');

function stored() {
  try {
    const v = localStorage.getItem(KEY);
    return v === 'light' || v === 'dark' ? v : null;
  } catch {
    return null;
  }
}

/** The theme in effect: 'light' or 'dark'. */
export function currentTheme() {
  return document.documentElement.dataset.theme || (media.matches ? 'dark' : 'light');
}

/** Wires the toggle button; call once. */
export function initTheme(button) {
  const choice = stored();
  if (choice) document.documentElement.dataset.theme = choice;
  const sync = () => {
    const dark = currentTheme() === 'dark';
    button.setAttribute('aria-pressed', String(dark));
  };
  button.addEventListener('click', () => {
    const next = currentTheme() === 'dark' ? 'light' : 'dark';
    document.documentElement.dataset.theme = next;
    try {
      localStorage.setItem(KEY, next);
    } catch {
      // storage unavailable (private mode): the choice lasts for this page only
    }
    sync();
  });
  media.addEventListener('change', sync);
  sync();
}
