import { SITE_KINDS, label } from '../lib/labels.ts';
import type { SiteProperties } from './site-points.ts';

// Popups are plain DOM (MapLibre's setDOMContent): names and values need no glyphs offline.

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A link that navigates inside the app instead of reloading the page. */
function popupLink(
  text: string,
  href: string,
  navigate: (href: string) => void,
): HTMLAnchorElement {
  const a = element('a', 'popup-link', text);
  a.href = href;
  a.addEventListener('click', (event) => {
    event.preventDefault();
    navigate(href);
  });
  return a;
}

/** A region's popup: its name, the measure's value, an optional note and link. */
export function regionPopupContent({
  name,
  valueLine,
  note,
  link,
  navigate,
}: {
  name: string;
  valueLine: string;
  note: string | null;
  link: { text: string; href: string } | null;
  navigate: (href: string) => void;
}): HTMLElement {
  const root = element('div', 'map-popup');
  root.append(element('strong', 'popup-title', name));
  root.append(element('div', 'popup-value', valueLine));
  if (note) root.append(element('div', 'popup-note', note));
  if (link) root.append(popupLink(link.text, link.href, navigate));
  return root;
}

/** A site's popup: name, kind and region, and a link to its profile. */
export function sitePopupContent(p: SiteProperties, navigate: (href: string) => void): HTMLElement {
  const root = element('div', 'map-popup');
  root.append(element('strong', 'popup-title', p.name));
  root.append(
    element(
      'div',
      'popup-value',
      [label(SITE_KINDS, p.kind), p.region].filter(Boolean).join(' · '),
    ),
  );
  if (p.approximate)
    root.append(element('div', 'popup-note', 'координаты не указаны — показан центр региона'));
  root.append(popupLink('Профиль площадки →', `/sites/${p.id}`, navigate));
  return root;
}
