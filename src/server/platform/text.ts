const conjunction = new Intl.ListFormat("fr-FR", { style: "long", type: "conjunction" });

/** "a, b et c": a French list for messages. */
export const listFormat = (items: string[]) => conjunction.format(items);
