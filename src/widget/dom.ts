type Child = Node | string | null | undefined | false;
type AttributeValue = string | number | boolean | null | undefined;

/** Creates an element with attributes and children; text children become text nodes, never markup. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, AttributeValue> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) if (child !== null && child !== undefined && child !== false) element.append(child);
  return element;
}

/** Finds a required element of the widget's own static template. */
export function byId<T extends HTMLElement>(root: ShadowRoot, id: string): T {
  const element = root.getElementById(id);
  if (!element) throw new Error(`vn-search: template element #${id} is missing`);
  return element as T;
}
