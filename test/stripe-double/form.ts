/**
 * Stripe's v1 request bodies are form-encoded with brackets (`items[0][price]=price_1`,
 * `expand[]=latest_invoice`): read them back into the nested params the SDK was given.
 */
export type Params = { [key: string]: ParamValue };
export type ParamValue = string | Params | ParamValue[];

export function parseForm(text: string): Params {
  const root: Params = {};
  for (const [name, value] of new URLSearchParams(text)) {
    const [head = '', ...rest] = name.split('[');
    const path = [head, ...rest.map((part) => part.replace(/]$/, ''))];
    let node: Params | ParamValue[] = root;
    path.forEach((key, index) => {
      const last = index === path.length - 1;
      const nextIsIndex = !last && /^\d*$/.test(path[index + 1] ?? '');
      const slot: string | number = Array.isArray(node) ? (key === '' ? node.length : Number(key)) : key;
      const holder = node as Record<string | number, ParamValue>;
      if (last) holder[slot] = value;
      else holder[slot] ??= nextIsIndex ? [] : {};
      if (!last) node = holder[slot] as Params | ParamValue[];
    });
  }
  return root;
}

/** The params at a path as text, or undefined. */
export const text = (value: ParamValue | undefined): string | undefined => (typeof value === 'string' ? value : undefined);
export const list = (value: ParamValue | undefined): ParamValue[] => (Array.isArray(value) ? value : value && typeof value === 'object' ? Object.values(value) : []);
export const object = (value: ParamValue | undefined): Params => (value && typeof value === 'object' && !Array.isArray(value) ? value : {});
export const number = (value: ParamValue | undefined): number | undefined => (typeof value === 'string' && value !== '' ? Number(value) : undefined);
export const flag = (value: ParamValue | undefined): boolean | undefined => (value === 'true' ? true : value === 'false' ? false : undefined);
