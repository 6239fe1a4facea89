import { type ComponentType, lazy } from "react";

/** A page loaded on demand (its own chunk), from a module exporting it by name. */
export function lazyPage<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M & string) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}
