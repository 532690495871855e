import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.tsx';
import { canonicalizeLocation } from './app/router.tsx';
import { applyDocumentLocale, detectLocale } from './shared/i18n.tsx';
import { initPreset } from './shared/preset.ts';
import './styles.css';

const locale = detectLocale();
applyDocumentLocale(locale); // before the first paint, so fonts and screen readers get it right
canonicalizeLocation();
initPreset();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App locale={locale} />
  </StrictMode>,
);
