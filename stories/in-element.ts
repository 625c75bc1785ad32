/**
 * Does a step inside an element once its part is there (a story's starting action): the
 * element's view loads on demand, so the story waits for it, up to 20 seconds.
 */
export async function inElement(canvas: HTMLElement, tag: string, selector: string, act: (el: HTMLElement) => void): Promise<void> {
  const el = canvas.querySelector(tag);
  for (let i = 0; i < 400 && !el?.shadowRoot?.querySelector(selector); i++) await new Promise((r) => setTimeout(r, 50));
  const target = el?.shadowRoot?.querySelector<HTMLElement>(selector);
  if (target) act(target);
}
