import type { MeetingSearchQuery, MeetingSearchResult } from "../../contracts/meetings-minutes";
import type { Actor } from "../platform/access";
import { parisParts } from "../platform/dates";
import type { Db } from "../platform/db";
import { searchKey } from "../territory/normalize";
import type { MeetingAccess } from "./access";
import * as repo from "./minutes-repo";

export type MeetingSearch = ReturnType<typeof createMeetingSearch>;

/**
 * The words of a query made accent-free like the stored search text, keeping what `websearch_to_tsquery` reads:
 * "…" for a phrase, a leading - to leave a word out, "or" between alternatives.
 */
export function webSearchKey(q: string): string {
  return q
    .split('"')
    .map((part, i) => {
      if (i % 2 === 1) {
        const key = searchKey(part);
        return key ? `"${key}"` : "";
      }
      return part
        .split(/\s+/)
        .map((word) => {
          if (word.length > 1 && word.startsWith("-")) {
            const key = searchKey(word.slice(1));
            return !key ? "" : key.includes(" ") ? `-"${key}"` : `-${key}`;
          }
          return searchKey(word);
        })
        .filter(Boolean)
        .join(" ");
    })
    .filter(Boolean)
    .join(" ");
}

// Excerpts: `ts_headline` marks the words found, but the French configuration does not ignore accents while the
// stored search text has none. So it reads the text folded to lower case without accents, character for character
// (`translate(lower(…))`, the same length), and the excerpt it returns is found again in the original text.
const FOLD_FROM =
  "àáâãäåāăąæçćĉċčďđèéêëēĕėęěĝğġģĥħìíîïĩīĭįıĵķĺļľŀłñńņňòóôõöøōŏőœŕŗřśŝşšţťŧùúûüũūŭůűųŵýÿŷźżžß";
const SPECIAL: Record<string, string> = {
  æ: "a",
  đ: "d",
  ħ: "h",
  ı: "i",
  ŀ: "l",
  ł: "l",
  ø: "o",
  œ: "o",
  ŧ: "t",
  ß: "s",
};
const FOLD_TO = [...FOLD_FROM].map((c) => SPECIAL[c] ?? c.normalize("NFD").charAt(0)).join("");
const foldMap = new Map([...FOLD_FROM].map((c, i) => [c, FOLD_TO.charAt(i)]));

/** What the database computes with translate(lower(s), FOLD_FROM, FOLD_TO): same length as `s`. */
export function fold(s: string): string {
  let out = "";
  for (const c of s) {
    const lower = c.toLowerCase();
    const same = lower.length === c.length ? lower : c;
    out += foldMap.get(same) ?? same;
  }
  return out;
}

const START = "\uE000";
const STOP = "\uE001";
const GAP = "\uE002";
const HEADLINE = `StartSel="${START}", StopSel="${STOP}", FragmentDelimiter="${GAP}", MaxFragments=2, MaxWords=24, MinWords=8, ShortWord=2`;

type Part = { text: string; match: boolean };

/** The excerpt returned by ts_headline on the folded text, put back in the original text with its marks. */
export function snippetOf(body: string, headline: string): Part[] {
  const folded = fold(body);
  const parts: Part[] = [];
  const push = (text: string, match: boolean) => {
    const clean = text.replace(/\s+/g, " ");
    if (!clean) return;
    const last = parts[parts.length - 1];
    if (last && last.match === match) last.text += clean;
    else parts.push({ text: clean, match });
  };
  let searchFrom = 0;
  const fragments = headline.split(GAP).filter((f) => f.replace(/[\uE000\uE001]/g, "").trim());
  fragments.forEach((fragment, n) => {
    const plain = fragment.replace(/[\uE000\uE001]/g, "");
    let at = folded.indexOf(plain, searchFrom);
    if (at < 0) at = folded.indexOf(plain);
    if (n === 0 ? at > 0 : true) push(n === 0 ? "… " : " … ", false);
    let pos = at;
    let match = false;
    let run = "";
    for (const c of fragment) {
      if (c === START || c === STOP) {
        push(run, match);
        run = "";
        match = c === START;
        continue;
      }
      // The original characters when the excerpt was found; the folded ones otherwise.
      run += at >= 0 ? body.slice(pos, pos + c.length) : c;
      pos += c.length;
    }
    push(run, match);
    if (at >= 0) searchFrom = at + plain.length;
    if (n === fragments.length - 1 && (at < 0 || at + plain.length < body.length)) push(" …", false);
  });
  return parts.map((p, i) =>
    i === 0
      ? { ...p, text: p.text.trimStart() }
      : i === parts.length - 1
        ? { ...p, text: p.text.trimEnd() }
        : p,
  );
}

/**
 * Full-text search over the minutes and decisions of a CLSM's meetings: members find only shared minutes of
 * meetings they may see; the coordination finds everything, drafts included.
 */
export function createMeetingSearch(deps: { db: Db; access: MeetingAccess }) {
  const { db, access } = deps;
  return {
    async search(actor: Actor, clsmId: string, query: MeetingSearchQuery) {
      const r = await access.reader(actor, clsmId);
      const key = webSearchKey(query.q ?? "");
      if (!key) return { items: [], total: 0 };
      const visibility = { onlyShared: !r.manage, hiddenInstanceIds: await access.hiddenInstanceIds(db, r) };
      const hits = await repo.searchMinutes(db, {
        ...visibility,
        clsmId,
        query: key,
        fold: { from: FOLD_FROM, to: FOLD_TO },
        headline: HEADLINE,
        limit: query.limit,
        offset: query.offset,
      });
      const total =
        hits[0]?.total ??
        (query.offset > 0 ? await repo.countSearch(db, { ...visibility, clsmId, query: key }) : 0);
      const items: MeetingSearchResult[] = hits.map((h) => ({
        meeting: { id: h.meetingId, title: h.title, date: parisParts(h.startsAt).date },
        kind: h.kind,
        decisionId: h.decisionId,
        snippet: snippetOf(h.body, h.headline),
      }));
      return { items, total };
    },
  };
}
