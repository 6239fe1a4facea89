import type {
  BallotBody,
  ConsultationStatus,
  PriorityMethod,
} from "../../../contracts/diagnostic-priorities";
import { badRequest } from "../../platform/errors";
import { prioritiesMessages as m } from "./messages";
import type { ConsultationRow } from "./repo";

// The pure rules of a consultation: its state at a given instant, a ballot's validity, and the totals' order.

/** An open consultation whose closing time has passed is closed: the state is read, no job closes it. */
export function stateOf(
  c: ConsultationRow,
  now: Date,
): { status: ConsultationStatus; closedAt: Date | null } {
  if (c.status === "open" && c.closesAt && c.closesAt <= now)
    return { status: "closed", closedAt: c.closesAt };
  return { status: c.status as ConsultationStatus, closedAt: c.closedAt };
}

/**
 * The choices to store for a ballot, or a 400 naming the field: a dot vote spreads at most `dotsPerMember`
 * non-negative whole dots (at least one) on candidates of the consultation — zeros are dropped —; a ranking lists
 * every candidate exactly once.
 */
export function checkBallot(
  method: PriorityMethod,
  dotsPerMember: number | null,
  candidateIds: string[],
  body: BallotBody,
): Record<string, number> | string[] {
  const known = new Set(candidateIds);
  if (method === "dots") {
    if (!body.dots || body.ranking) throw badRequest(m.dotsExpected, { dots: m.dotsExpected });
    const entries = Object.entries(body.dots).filter(([, n]) => n > 0);
    if (entries.some(([id]) => !known.has(id)))
      throw badRequest(m.unknownCandidate, { dots: m.unknownCandidate });
    const sum = entries.reduce((s, [, n]) => s + n, 0);
    const max = dotsPerMember ?? 0;
    if (sum > max) throw badRequest(m.tooManyDots(max), { dots: m.tooManyDots(max) });
    if (sum === 0) throw badRequest(m.noDots, { dots: m.noDots });
    return Object.fromEntries(entries);
  }
  if (!body.ranking || body.dots) throw badRequest(m.rankingExpected, { ranking: m.rankingExpected });
  if (body.ranking.some((id) => !known.has(id)))
    throw badRequest(m.unknownCandidate, { ranking: m.unknownCandidate });
  if (new Set(body.ranking).size !== body.ranking.length || body.ranking.length !== known.size)
    throw badRequest(m.notPermutation, { ranking: m.notPermutation });
  return body.ranking;
}

export interface Score {
  candidateId: string;
  title: string;
  chosen: boolean;
  dots: number | null;
  points: number | null;
  averageRank: number | null;
}

/**
 * The totals best first, with their place (equal scores share a place: 1, 1, 3). Borda: a candidate ranked r
 * among n gets n − r points, so the points and the average rank order candidates the same way when every
 * ballot ranks them all.
 */
export function placed(
  method: PriorityMethod,
  candidates: { id: string; title: string; chosen: boolean }[],
  dots: Map<string, number>,
  ranks: Map<string, { rankSum: number; n: number }>,
): (Score & { place: number })[] {
  const n = candidates.length;
  const scores: Score[] = candidates.map((c) => {
    if (method === "dots")
      return {
        candidateId: c.id,
        title: c.title,
        chosen: c.chosen,
        dots: dots.get(c.id) ?? 0,
        points: null,
        averageRank: null,
      };
    const r = ranks.get(c.id);
    return {
      candidateId: c.id,
      title: c.title,
      chosen: c.chosen,
      dots: null,
      points: r ? r.n * n - r.rankSum : 0,
      averageRank: r ? Math.round((r.rankSum / r.n) * 100) / 100 : null,
    };
  });
  const value = (s: Score) => s.dots ?? s.points ?? 0;
  // Stable sort: equal scores keep the candidates' order.
  const sorted = [...scores].sort((a, b) => value(b) - value(a));
  return sorted.map((s, i) => ({
    ...s,
    place: sorted.findIndex((o) => value(o) === value(s)) + 1 || i + 1,
  }));
}
