import { type FormEvent, useState } from "react";
import { Form } from "react-aria-components";
import { TAG_MAX, type TextAnswer } from "../../../contracts/survey-results";
import { messageOf } from "../../lib/api";
import { formatDate, plural } from "../../lib/format";
import { useDebouncedValue } from "../../lib/use-debounced-value";
import { Alert } from "../../ui/Alert";
import { Badge } from "../../ui/Badge";
import { Button } from "../../ui/Button";
import { EmptyState } from "../../ui/EmptyState";
import { Pagination } from "../../ui/Pagination";
import { SearchField } from "../../ui/SearchField";
import { keyToString, SelectField } from "../../ui/SelectField";
import { TextField } from "../../ui/TextField";
import { useTagAnswer, useTagCounts, useTextAnswers } from "./api";

const PAGE = 20;
const ALL = "__all";

export interface TextFilter {
  questionId: string | null;
  tag: string | null;
}

/**
 * The free texts (text questions and "Autre, précisez"), page by page, narrowed by question, tag or words. The
 * coordination tags them to group what people wrote; tags are listed with their counts for the filter.
 */
export function TextAnswers({
  clsmId,
  surveyId,
  manage,
  live,
  filter,
  onFilter,
}: {
  clsmId: string;
  surveyId: string;
  manage: boolean;
  live: boolean;
  filter: TextFilter;
  onFilter: (filter: TextFilter) => void;
}) {
  const [offset, setOffset] = useState(0);
  const [search, setSearch] = useState("");
  const q = useDebouncedValue(search.trim(), 300);
  const texts = useTextAnswers(
    clsmId,
    surveyId,
    {
      questionId: filter.questionId ?? undefined,
      tag: filter.tag ?? undefined,
      q: q || undefined,
      limit: PAGE,
      offset,
    },
    live,
  );
  const tags = useTagCounts(clsmId, surveyId);
  const data = texts.data;
  const questions = data?.questions ?? [];
  const labelOf = new Map(questions.map((x) => [x.id, x.label]));
  const tagNames = [
    ...new Set(
      (tags.data?.items ?? [])
        .filter((t) => !filter.questionId || t.questionId === filter.questionId)
        .map((t) => t.tag),
    ),
  ];
  const countOf = (tag: string) =>
    (tags.data?.items ?? [])
      .filter((t) => t.tag === tag && (!filter.questionId || t.questionId === filter.questionId))
      .reduce((s, t) => s + t.count, 0);
  const change = (next: TextFilter) => {
    setOffset(0);
    onFilter(next);
  };

  return (
    <section className="section" aria-labelledby="textes-libres" id="textes">
      <div className="section__header">
        <h2 id="textes-libres">Réponses libres</h2>
        {data ? <p className="muted">{plural(data.total, "texte")}</p> : null}
      </div>
      <div className="results-filters">
        <SelectField
          label="Question"
          options={[
            { id: ALL, label: "Toutes les questions" },
            ...questions.map((x) => ({ id: x.id, label: x.label })),
          ]}
          selectedKey={filter.questionId ?? ALL}
          onSelectionChange={(key) => {
            const id = keyToString(key);
            change({ questionId: id === ALL ? null : id, tag: null });
          }}
        />
        <SelectField
          label="Étiquette"
          options={[
            { id: ALL, label: "Toutes" },
            ...tagNames.map((t) => ({ id: t, label: `${t} (${countOf(t)})` })),
          ]}
          selectedKey={filter.tag ?? ALL}
          onSelectionChange={(key) => {
            const tag = keyToString(key);
            change({ ...filter, tag: tag === ALL ? null : tag });
          }}
        />
        <SearchField
          label="Rechercher dans les textes"
          value={search}
          onChange={(v) => {
            setSearch(v);
            setOffset(0);
          }}
        />
      </div>
      {texts.isError ? <Alert tone="error">{messageOf(texts.error)}</Alert> : null}
      {data && data.items.length === 0 ? (
        <EmptyState title="Aucun texte">
          {filter.tag || q
            ? "Aucun texte ne correspond à ces critères."
            : "Personne n'a encore écrit de réponse libre."}
        </EmptyState>
      ) : null}
      <ul className="text-answers">
        {data?.items.map((item) => (
          <TextAnswerItem
            key={`${item.responseId}-${item.questionId}`}
            clsmId={clsmId}
            surveyId={surveyId}
            item={item}
            questionLabel={labelOf.get(item.questionId) ?? item.questionId}
            manage={manage}
            onTag={(tag) => change({ ...filter, tag })}
          />
        ))}
      </ul>
      {data ? (
        <Pagination
          total={data.total}
          limit={PAGE}
          offset={offset}
          onChange={setOffset}
          label="réponses libres"
        />
      ) : null}
    </section>
  );
}

function TextAnswerItem({
  clsmId,
  surveyId,
  item,
  questionLabel,
  manage,
  onTag,
}: {
  clsmId: string;
  surveyId: string;
  item: TextAnswer;
  questionLabel: string;
  manage: boolean;
  onTag: (tag: string) => void;
}) {
  const tagAnswer = useTagAnswer(clsmId, surveyId);
  const [adding, setAdding] = useState(false);
  const [tag, setTag] = useState("");
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = tag.trim();
    if (!value) return;
    setError(null);
    tagAnswer.mutate(
      { responseId: item.responseId, questionId: item.questionId, tag: value },
      {
        onSuccess: () => {
          setTag("");
          setAdding(false);
        },
        onError: (e) => setError(messageOf(e)),
      },
    );
  };
  const remove = (value: string) =>
    tagAnswer.mutate(
      { responseId: item.responseId, questionId: item.questionId, tag: value, remove: true },
      { onError: (e) => setError(messageOf(e)) },
    );
  return (
    <li className="text-answer card">
      <p className="text-answer__meta muted">
        {questionLabel}
        {item.other ? " — « Autre, précisez »" : ""} · {formatDate(item.submittedOn)}
        {item.respondentName ? ` · ${item.respondentName}` : ""}
      </p>
      <blockquote className="text-answer__text">{item.text}</blockquote>
      <div className="text-answer__tags-row">
        {item.tags.length ? (
          <ul className="text-answer__tags" aria-label="Étiquettes">
            {item.tags.map((t) => (
              <li key={t} className="text-answer__tag">
                <Button
                  variant="quiet"
                  size="sm"
                  onPress={() => onTag(t)}
                  aria-label={`Filtrer sur l'étiquette ${t}`}
                >
                  <Badge tone="info">{t}</Badge>
                </Button>
                {manage ? (
                  <Button
                    variant="quiet"
                    size="sm"
                    onPress={() => remove(t)}
                    aria-label={`Retirer l'étiquette ${t}`}
                    isPending={tagAnswer.isPending}
                  >
                    <span aria-hidden="true">✕</span>
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
        {manage && !adding ? (
          <Button size="sm" variant="quiet" onPress={() => setAdding(true)}>
            + Étiqueter
          </Button>
        ) : null}
      </div>
      {manage && adding ? (
        <Form className="text-answer__add" onSubmit={submit}>
          <TextField label="Nouvelle étiquette" value={tag} onChange={setTag} maxLength={TAG_MAX} autoFocus />
          <Button type="submit" size="sm" isPending={tagAnswer.isPending}>
            Ajouter
          </Button>
          <Button size="sm" variant="quiet" onPress={() => setAdding(false)}>
            Annuler
          </Button>
        </Form>
      ) : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
    </li>
  );
}
