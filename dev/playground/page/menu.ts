/**
 * The Extensions menu with the add-on's submenu, drawn from the menu the bundle's onOpen built (the emulator's
 * record of createAddonMenu()...addToUi()). Submenus open on hover, click or the right arrow key.
 */
import type { MenuEntry } from '../protocol';
import { el } from './dom';

export type RunItem = (handler: string, path: string[]) => void;

export function renderMenu(
  container: HTMLElement,
  addonName: string,
  entries: MenuEntry[],
  run: RunItem,
): void {
  const addon: MenuEntry = { type: 'submenu', caption: addonName, items: entries };
  container.replaceChildren(...menuItems([addon], [], run));
}

function menuItems(entries: MenuEntry[], path: string[], run: RunItem): HTMLElement[] {
  return entries.map((entry) => {
    if (entry.type === 'separator') {
      const line = el('div', 'menu-separator');
      line.setAttribute('role', 'separator');
      return line;
    }
    const button = el('button', 'menu-item');
    button.type = 'button';
    button.setAttribute('role', 'menuitem');
    button.append(el('span', 'caption', entry.caption));
    if (entry.type === 'item') {
      button.dataset.handler = entry.functionName;
      button.addEventListener('click', () => run(entry.functionName, [...path, entry.caption]));
      return button;
    }
    const wrap = el('div', 'menu-item-wrap');
    const submenu = el('div', 'menu');
    submenu.setAttribute('role', 'menu');
    submenu.hidden = true;
    submenu.append(...menuItems(entry.items, [...path, entry.caption], run));
    button.setAttribute('aria-haspopup', 'menu');
    button.setAttribute('aria-expanded', 'false');
    button.append(el('span', 'arrow', '▸'));
    const open = (show: boolean): void => {
      submenu.hidden = !show;
      button.setAttribute('aria-expanded', String(show));
    };
    wrap.addEventListener('mouseenter', () => open(true));
    wrap.addEventListener('mouseleave', () => open(false));
    button.addEventListener('click', () => open(true));
    button.addEventListener('keydown', (event) => {
      if (event.key !== 'ArrowRight') return;
      open(true);
      submenu.querySelector<HTMLButtonElement>('.menu-item')?.focus();
      event.preventDefault();
    });
    submenu.addEventListener('keydown', (event) => {
      if (event.key !== 'ArrowLeft') return;
      open(false);
      button.focus();
      event.preventDefault();
      event.stopPropagation();
    });
    wrap.append(button, submenu);
    return wrap;
  });
}

/** Up and down arrows move between the items of the menu that has focus. */
export function menuKeyboard(root: HTMLElement): void {
  root.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const current = document.activeElement as HTMLElement | null;
    const menu = current?.closest('.menu');
    if (!menu) return;
    const items = Array.from(menu.children).flatMap((child) =>
      child.matches('.menu-item') ? [child] : Array.from(child.querySelectorAll(':scope > .menu-item')),
    ) as HTMLElement[];
    const index = items.indexOf(current as HTMLElement);
    const next = items[(index + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length];
    next?.focus();
    event.preventDefault();
  });
}
