import { useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { searchKindLabels } from "../../../contracts/meetings-minutes";
import { NotFoundPage } from "../../app/NotFoundPage";
import { isApiError, messageOf } from "../../lib/api";
import { formatDate, plural } from "../../lib/format";
import { Alert } from "../../ui/Alert";
import { Badge } from "../../ui/Badge";
import { Button } from "../../ui/Button";
import { Loading } from "../../ui/Loading";
import { Page } from "../../ui/Page";
import { Pagination } from "../../ui/Pagination";
import { SearchField } from "../../ui/SearchField";
import { useClsm } from "../../workspaces/api";
import { useMeetingSearch } from "./api";
import "./minutes.css";

const LIMIT = 20;

/**
 * Searches the minutes and decisions of the CLSM's meetings (accents and case ignored, words in any form: "décidé"
 * finds "décision"); each result links to its meeting with an excerpt, the words found marked.
 */
export function MeetingSearchPage() {
  const { clsmId = "" } = useParams();
  const clsm = useClsm(clsmId);
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  const offset = Math.max(0, Number(params.get("debut") ?? 0) || 0);
  const [text, setText] = useState(q);
  const results = useMeetingSearch(clsmId, q, offset, LIMIT);

  if (clsm.isError && (isApiError(clsm.error, 404) || isApiError(clsm.error, 400)))
    return <NotFoundPage title="CLSM introuvable" />;

  const go = (next: string, start = 0) =>
    setParams(next.trim() ? { q: next.trim(), ...(start ? { debut: String(start) } : {}) } : {});
  const data = q ? results.data : undefined;
  return (
    <Page
      title="Rechercher dans les comptes rendus"
      eyebrow={clsm.data?.name}
      lead={
        <p>
          Dans les comptes rendus et les décisions des réunions, sans tenir compte des accents. Mettez des
          guillemets pour une expression exacte, un tiret devant un mot pour l'exclure.
        </p>
      }
    >
      <search>
        <form
          className="toolbar"
          onSubmit={(event) => {
            event.preventDefault();
            go(text);
          }}
        >
          <SearchField
            label="Mots à chercher"
            placeholder="Ex. : logement, « semaine d'information »"
            value={text}
            onChange={setText}
            onClear={() => go("")}
          />
          <Button type="submit" variant="primary">
            Rechercher
          </Button>
        </form>
      </search>
      {q && results.isPending ? <Loading label="Recherche…" /> : null}
      {results.isError ? <Alert tone="error">{messageOf(results.error)}</Alert> : null}
      <p className="muted" aria-live="polite">
        {data
          ? data.total === 0
            ? `Aucun résultat pour « ${q} ».`
            : `${plural(data.total, "résultat")} pour « ${q} ».`
          : ""}
      </p>
      {data && data.items.length > 0 ? (
        <ol className="search-results" start={offset + 1}>
          {data.items.map((hit) => (
            <li key={`${hit.meeting.id}:${hit.decisionId ?? "cr"}`} className="search-result">
              <h2 className="search-result__title">
                <Link to={`/clsm/${clsmId}/reunions/${hit.meeting.id}`}>{hit.meeting.title}</Link>
              </h2>
              <p className="search-result__meta">
                <Badge tone={hit.kind === "decision" ? "info" : "neutral"}>
                  {searchKindLabels[hit.kind]}
                </Badge>{" "}
                Réunion du {formatDate(hit.meeting.date)}
              </p>
              <p className="search-result__snippet">
                {hit.snippet.map((part, i) =>
                  part.match ? (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one excerpt never move
                    <mark key={i}>{part.text}</mark>
                  ) : (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one excerpt never move
                    <span key={i}>{part.text}</span>
                  ),
                )}
              </p>
            </li>
          ))}
        </ol>
      ) : null}
      {data ? (
        <Pagination
          total={data.total}
          limit={LIMIT}
          offset={offset}
          onChange={(start) => go(q, start)}
          label="résultats"
        />
      ) : null}
      <p>
        <Link to={`/clsm/${clsmId}/suivi`}>Suivi des actions</Link> ·{" "}
        <Link to={`/clsm/${clsmId}/reunions`}>Toutes les réunions</Link>
      </p>
    </Page>
  );
}
