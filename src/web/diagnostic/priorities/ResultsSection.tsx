import type { ConsultationDetail } from "../../../contracts/diagnostic-priorities";
import { messageOf } from "../../lib/api";
import { plural } from "../../lib/format";
import { Badge } from "../../ui/Badge";
import { Button } from "../../ui/Button";
import { DataTable } from "../../ui/DataTable";
import { useChooseCandidate } from "./api";
import type { Notice } from "./ConsultationActions";

const decimal = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 });

/**
 * The totals of a closed consultation: a table (the numbers are the content; the bars only draw them) and, for
 * the coordination, "Retenir" / "Ne plus retenir" on each candidate.
 */
export function ResultsSection({
  clsmId,
  consultation: c,
  onNotice,
}: {
  clsmId: string;
  consultation: ConsultationDetail;
  onNotice: (notice: Notice | null) => void;
}) {
  const choose = useChooseCandidate(clsmId, c.id);
  const results = c.results;
  if (!results) return null;
  const dots = c.method === "dots";
  const score = (i: (typeof results.items)[number]) => (dots ? (i.dots ?? 0) : (i.points ?? 0));
  const best = Math.max(1, ...results.items.map(score));
  const unit = dots ? "gommette" : "point";
  return (
    <section className="section" aria-labelledby="resultats">
      <div className="section__header">
        <h2 id="resultats">Résultats</h2>
        <p className="muted">{plural(results.ballotCount, "vote")}</p>
      </div>
      {!dots ? (
        <p className="muted">
          Chaque proposition reçoit, sur chaque bulletin, autant de points que de propositions classées après
          elle (méthode de Borda).
        </p>
      ) : null}
      <DataTable caption="Résultats de la consultation">
        <thead>
          <tr>
            <th scope="col" className="num">
              Rang
            </th>
            <th scope="col">Proposition</th>
            <th scope="col">{dots ? "Gommettes" : "Points"}</th>
            {!dots ? (
              <th scope="col" className="num">
                Rang moyen
              </th>
            ) : null}
            <th scope="col">Priorité du CLSM</th>
          </tr>
        </thead>
        <tbody>
          {results.items.map((i) => (
            <tr key={i.candidateId}>
              <td className="num">{i.place}</td>
              <th scope="row">{i.title}</th>
              <td>
                <span className="priority-bar">
                  <span className="priority-bar__value">{plural(score(i), unit)}</span>
                  <span className="priority-bar__track" aria-hidden="true">
                    <span className="priority-bar__fill" style={{ width: `${(score(i) / best) * 100}%` }} />
                  </span>
                </span>
              </td>
              {!dots ? (
                <td className="num">{i.averageRank === null ? "—" : decimal.format(i.averageRank)}</td>
              ) : null}
              <td>
                {i.chosen ? <Badge tone="success">Retenue</Badge> : null}
                {c.can.choose ? (
                  <Button
                    size="sm"
                    variant={i.chosen ? "quiet" : "secondary"}
                    aria-label={`${i.chosen ? "Ne plus retenir" : "Retenir"} « ${i.title} »`}
                    isPending={choose.isPending && choose.variables?.candidateId === i.candidateId}
                    onPress={() => {
                      onNotice(null);
                      choose.mutate(
                        { candidateId: i.candidateId, chosen: !i.chosen },
                        {
                          onSuccess: () =>
                            onNotice({
                              tone: "success",
                              text: i.chosen
                                ? `« ${i.title} » n'est plus une priorité retenue.`
                                : `« ${i.title} » est retenue comme priorité du CLSM.`,
                            }),
                          onError: (e) => onNotice({ tone: "error", text: messageOf(e) }),
                        },
                      );
                    }}
                  >
                    {i.chosen ? "Ne plus retenir" : "Retenir"}
                  </Button>
                ) : null}
                {!i.chosen && !c.can.choose ? <span className="muted">Non retenue</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <p className="muted">
        {plural(results.items.filter((i) => i.chosen).length, "proposition retenue", "propositions retenues")}{" "}
        comme priorités du CLSM.
      </p>
    </section>
  );
}
