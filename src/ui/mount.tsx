import { render, type ComponentChild } from 'preact';
import { t, uiLanguage } from './i18n.ts';
import './styles.css';

/** Renders a view into an entry page's `#app`, with the page's language and title set. */
export function mount(view: ComponentChild, titleKey = 'extName'): void {
  document.documentElement.lang = uiLanguage();
  document.title = t(titleKey);
  const root = document.getElementById('app');
  if (root) render(view, root);
}
