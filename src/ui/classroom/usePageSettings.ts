import { useEffect } from 'react';
import type { ExperimentState } from '../experiment';
import { CATALOGUES } from '../i18n/index';

/** How long a link's panel may take to appear (lazy panels, a network switch) before we give up. */
const PANEL_WAIT_MS = 8000;

/**
 * Page-wide effects of the experiment: the document's language (screen readers, fonts, axe's
 * html-has-lang) and title, the presentation layout (large type on <html>, so every rem scales), and opening the
 * panel a link names by scrolling it into view and moving the focus there.
 */
export function usePageSettings(state: Pick<ExperimentState, 'lang' | 'present' | 'panel' | 'lesson'>): void {
  useEffect(() => {
    document.documentElement.lang = state.lang;
    // The tab title in the page's language too (index.html's English title is the first paint's).
    document.title = CATALOGUES[state.lang].appTitle;
  }, [state.lang]);

  useEffect(() => {
    document.documentElement.classList.toggle('present', state.present);
  }, [state.present]);

  useEffect(() => {
    if (!state.panel) return;
    // The codec only lets a lower-case slug through, so it is safe inside the selector.
    const selector = `[data-testid="${state.panel}"]`;
    const started = performance.now();
    let timer = 0;
    const tryOpen = () => {
      const target = document.querySelector<HTMLElement>(selector);
      if (target) {
        if (target instanceof HTMLDetailsElement) target.open = true;
        target.scrollIntoView({ block: 'start' });
        if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
        target.focus({ preventScroll: true });
      } else if (performance.now() - started < PANEL_WAIT_MS) {
        timer = window.setTimeout(tryOpen, 200);
      }
    };
    timer = window.setTimeout(tryOpen, 0);
    return () => window.clearTimeout(timer);
  }, [state.panel, state.lesson]);
}
