// Applies the saved theme and language before the first paint. A classic script (modules run
// after parsing, which would flash the wrong theme). localStorage only mirrors the settings
// kept in IndexedDB, so when it is unavailable the page just starts with the defaults.
try {
  const theme = localStorage.getItem('wenxi.theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
  if (localStorage.getItem('wenxi.lang') === 'en') document.documentElement.lang = 'en';
} catch {
  // Storage blocked (e.g. by privacy settings): defaults apply; app.js reports storage errors.
}
