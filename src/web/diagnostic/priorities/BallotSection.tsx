import { useState } from "react";
import {
  Button as AriaButton,
  NumberField as AriaNumberField,
  Group,
  Input,
  Label,
  Text,
} from "react-aria-components";
import type { Candidate, ConsultationDetail, MyBallot } from "../../../contracts/diagnostic-priorities";
import { messageOf } from "../../lib/api";
import { formatDateTime, formatNumber, plural } from "../../lib/format";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Loading } from "../../ui/Loading";
import { useMyBallot, useVote } from "./api";
import { type Direction, moved, useMoveFocus } from "./reorder";

/** The member's own ballot while the vote is open: dots to spread, or every candidate to rank. */
export function BallotSection({
  clsmId,
  consultation: c,
}: {
  clsmId: string;
  consultation: ConsultationDetail;
}) {
  const mine = useMyBallot(clsmId, c.id, c.can.vote);
  return (
    <section className="section" aria-labelledby="mon-vote">
      <h2 id="mon-vote">Mon vote</h2>
      {mine.isPending ? <Loading label="Chargement de votre vote…" /> : null}
      {mine.isError ? <Alert tone="error">{messageOf(mine.error)}</Alert> : null}
      {mine.data ? (
        c.method === "dots" ? (
          <DotsBallot clsmId={clsmId} consultation={c} ballot={mine.data.ballot} />
        ) : (
          <RankingBallot clsmId={clsmId} consultation={c} ballot={mine.data.ballot} />
        )
      ) : null}
    </section>
  );
}

type BallotProps = { clsmId: string; consultation: ConsultationDetail; ballot: MyBallot["ballot"] };

function Saved({ ballot }: { ballot: MyBallot["ballot"] }) {
  return ballot ? (
    <p className="muted">
      Votre vote du {formatDateTime(ballot.updatedAt)} est enregistré. Vous pouvez le modifier tant que le
      vote est ouvert : le nouveau remplace l'ancien.
    </p>
  ) : (
    <p className="muted">
      Vous n'avez pas encore voté. Personne d'autre ne verra votre vote, seulement les totaux.
    </p>
  );
}

function DotsBallot({ clsmId, consultation: c, ballot }: BallotProps) {
  const vote = useVote(clsmId, c.id);
  const max = c.dotsPerMember ?? 0;
  const [dots, setDots] = useState<Record<string, number>>(() => ballot?.dots ?? {});
  const [done, setDone] = useState(false);
  const used = Object.values(dots).reduce((s, n) => s + n, 0);
  const left = max - used;
  return (
    <form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        setDone(false);
        vote.mutate({ dots }, { onSuccess: () => setDone(true) });
      }}
    >
      <Saved ballot={ballot} />
      <p>
        Répartissez vos {plural(max, "gommette")} entre les propositions : plusieurs sur une même proposition
        si elle compte beaucoup pour vous.
      </p>
      <p className="priority-dots__left" aria-live="polite">
        {left === 0
          ? "Toutes vos gommettes sont placées."
          : `Il vous reste ${plural(left, "gommette")} sur ${formatNumber(max)}.`}
      </p>
      {vote.isError ? <Alert tone="error">{messageOf(vote.error)}</Alert> : null}
      {done && !vote.isPending ? <Alert tone="success">Votre vote est enregistré.</Alert> : null}
      <ul className="priority-dots">
        {c.candidates.map((k) => (
          <DotsField
            key={k.id}
            candidate={k}
            value={dots[k.id] ?? 0}
            max={(dots[k.id] ?? 0) + left}
            onChange={(n) => {
              setDone(false);
              setDots((d) => ({ ...d, [k.id]: n }));
            }}
          />
        ))}
      </ul>
      <div className="form__actions">
        <Button type="submit" variant="primary" isPending={vote.isPending} isDisabled={used === 0}>
          {ballot ? "Modifier mon vote" : "Enregistrer mon vote"}
        </Button>
      </div>
    </form>
  );
}

/** A number of dots with − and + buttons (keyboard: arrows, Page up / down). */
function DotsField({
  candidate,
  value,
  max,
  onChange,
}: {
  candidate: Candidate;
  value: number;
  max: number;
  onChange: (n: number) => void;
}) {
  return (
    <li className="priority-dots__item">
      <AriaNumberField
        className="field priority-dots__field"
        value={value}
        minValue={0}
        maxValue={max}
        step={1}
        formatOptions={{ maximumFractionDigits: 0 }}
        onChange={(n) => onChange(Number.isNaN(n) ? 0 : Math.max(0, Math.min(max, Math.round(n))))}
      >
        <Label className="field__label">{candidate.title}</Label>
        {candidate.description ? (
          <Text slot="description" className="field__description pre-line">
            {candidate.description}
          </Text>
        ) : null}
        <Group className="stepper">
          <AriaButton slot="decrement" className="button button--secondary button--sm stepper__button">
            <span aria-hidden="true">−</span>
          </AriaButton>
          <Input className="field__input field__input--number stepper__input" />
          <AriaButton slot="increment" className="button button--secondary button--sm stepper__button">
            <span aria-hidden="true">+</span>
          </AriaButton>
        </Group>
      </AriaNumberField>
      <span className="priority-dots__pips" aria-hidden="true">
        {"●".repeat(value)}
      </span>
    </li>
  );
}

function RankingBallot({ clsmId, consultation: c, ballot }: BallotProps) {
  const vote = useVote(clsmId, c.id);
  const byId = new Map(c.candidates.map((k) => [k.id, k]));
  const [ids, setIds] = useState<string[]>(() => {
    const saved = ballot?.ranking?.filter((id) => byId.has(id)) ?? [];
    return saved.length === c.candidates.length ? saved : c.candidates.map((k) => k.id);
  });
  const [done, setDone] = useState(false);
  const ranked = ids.flatMap((id) => byId.get(id) ?? []);
  const { announce, setAnnounce, focusAfterMove, buttonId } = useMoveFocus("rank", ranked);

  const move = (k: Candidate, dir: Direction) => {
    const next = moved(ids, k.id, dir);
    if (!next) return;
    const to = next.indexOf(k.id);
    setDone(false);
    focusAfterMove(k.id, dir, to);
    setAnnounce(`« ${k.title} » est maintenant en position ${to + 1} sur ${next.length}.`);
    setIds(next);
  };

  return (
    <form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        setDone(false);
        vote.mutate({ ranking: ids }, { onSuccess: () => setDone(true) });
      }}
    >
      <Saved ballot={ballot} />
      <p>
        Classez les propositions de la plus importante (en haut) à la moins importante, avec les boutons «
        Monter » et « Descendre », puis enregistrez.
      </p>
      <p className="visually-hidden" aria-live="polite">
        {announce}
      </p>
      {vote.isError ? <Alert tone="error">{messageOf(vote.error)}</Alert> : null}
      {done && !vote.isPending ? <Alert tone="success">Votre classement est enregistré.</Alert> : null}
      <ol className="priority-list" aria-label="Mon classement">
        {ranked.map((k, index) => (
          <li key={k.id} className="priority-list__item priority-list__item--row">
            <div className="priority-list__main">
              <p className="priority-list__title">
                <span aria-hidden="true">{index + 1}. </span>
                {k.title}
              </p>
              {k.description ? <p className="pre-line muted">{k.description}</p> : null}
            </div>
            <div className="priority-list__actions">
              <Button
                size="sm"
                id={buttonId(k.id, "up")}
                isDisabled={index === 0}
                aria-label={`Monter « ${k.title} »`}
                onPress={() => move(k, "up")}
              >
                <span aria-hidden="true">↑</span> Monter
              </Button>
              <Button
                size="sm"
                id={buttonId(k.id, "down")}
                isDisabled={index === ranked.length - 1}
                aria-label={`Descendre « ${k.title} »`}
                onPress={() => move(k, "down")}
              >
                <span aria-hidden="true">↓</span> Descendre
              </Button>
            </div>
          </li>
        ))}
      </ol>
      <div className="form__actions">
        <Button type="submit" variant="primary" isPending={vote.isPending}>
          {ballot ? "Modifier mon classement" : "Enregistrer mon classement"}
        </Button>
      </div>
    </form>
  );
}
