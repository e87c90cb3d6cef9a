import { VnSearchElement } from './vn-search.ts';

// A page may include the script twice (or two builds of it); the first definition wins.
if (!customElements.get('vn-search')) customElements.define('vn-search', VnSearchElement);

declare global {
  interface HTMLElementTagNameMap {
    'vn-search': VnSearchElement;
  }
}
