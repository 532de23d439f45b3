// Registers the service worker (offline use, installable app) and offers the reload when a
// new build is waiting. Does nothing where service workers are unavailable (file://).
import { t } from './i18n.js';

/** @param {(message: string, action: {label: string, run: () => void}) => void} notify */
export function registerServiceWorker(notify) {
  if (!('serviceWorker' in navigator) || location.protocol === 'file:') return;
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (reloading) location.reload();
  });
  const offer = (waiting) => {
    notify(t('pwa.update'), {
      label: t('pwa.reload'),
      run: () => {
        reloading = true;
        waiting.postMessage({ type: 'skip-waiting' });
      },
    });
  };
  navigator.serviceWorker
    .register(new URL('./sw.js', import.meta.url), { scope: './' })
    .then((registration) => {
      // A worker already waiting (a new build found on an earlier visit) or one found now.
      if (registration.waiting && navigator.serviceWorker.controller) offer(registration.waiting);
      registration.addEventListener('updatefound', () => {
        const incoming = registration.installing;
        incoming?.addEventListener('statechange', () => {
          if (incoming.state === 'installed' && navigator.serviceWorker.controller) offer(incoming);
        });
      });
    })
    .catch((e) => console.warn('wenxi: offline support unavailable:', e));
}
