import { useEffect, useState } from "react";

export type Direction = "up" | "down";

/** The ids with one moved a place up or down; null when it is already at that end. */
export function moved(ids: string[], id: string, dir: Direction): string[] | null {
  const index = ids.indexOf(id);
  const to = dir === "up" ? index - 1 : index + 1;
  if (index < 0 || to < 0 || to >= ids.length) return null;
  const next = [...ids];
  next.splice(index, 1);
  next.splice(to, 0, id);
  return next;
}

/**
 * Keyboard reordering with "Monter" / "Descendre": after a move the list re-renders in its new order, and the focus
 * goes back to the moved item's button (or to its other button once it reaches an end of the list); the new place
 * is announced through `announce` (rendered in a polite live region by the list).
 */
export function useMoveFocus(prefix: string, items: { id: string }[]) {
  const [announce, setAnnounce] = useState("");
  const [refocus, setRefocus] = useState<{ id: string; dir: Direction; index: number } | null>(null);
  const buttonId = (id: string, dir: Direction) => `${prefix}-${id}-${dir}`;
  const orderKey = items.map((i) => i.id).join(",");

  // biome-ignore lint/correctness/useExhaustiveDependencies: buttonId only depends on the prefix
  useEffect(() => {
    if (!refocus || orderKey.split(",").indexOf(refocus.id) !== refocus.index) return;
    const other: Direction = refocus.dir === "up" ? "down" : "up";
    const button = document.getElementById(buttonId(refocus.id, refocus.dir));
    const target =
      button && !button.hasAttribute("disabled")
        ? button
        : document.getElementById(buttonId(refocus.id, other));
    target?.focus();
    setRefocus(null);
  }, [refocus, orderKey]);

  return {
    announce,
    setAnnounce,
    buttonId,
    focusAfterMove: (id: string, dir: Direction, index: number) => setRefocus({ id, dir, index }),
  };
}
