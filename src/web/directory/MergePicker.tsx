import { type ReactNode, useState } from "react";
import { messageOf } from "../lib/api";
import { Alert } from "../ui/Alert";
import { Button } from "../ui/Button";
import { SearchField } from "../ui/SearchField";

export interface MergeCandidate {
  id: string;
  name: string;
  detail: string;
}

/**
 * The merge flow shared by people and structures: search the other record, pick it, confirm.
 * The parent owns the search query (it runs the list request) and the merge mutation.
 */
export function MergePicker({
  search,
  onSearch,
  searched,
  candidates,
  searchError,
  texts,
  describe,
  isPending,
  mergeError,
  onMerge,
  onCancel,
}: {
  search: string;
  onSearch: (value: string) => void;
  /** A query was sent and answered: an empty list then means "nothing found". */
  searched: boolean;
  candidates: MergeCandidate[];
  searchError: unknown;
  texts: {
    searchLabel: string;
    placeholder?: string;
    listLabel: string;
    none: string;
    merge: string;
    another: string;
  };
  describe: (other: MergeCandidate) => ReactNode;
  isPending: boolean;
  mergeError: unknown;
  onMerge: (other: MergeCandidate) => void;
  onCancel: () => void;
}) {
  const [other, setOther] = useState<MergeCandidate | null>(null);
  if (other) {
    return (
      <div className="stack">
        {mergeError ? <Alert tone="error">{messageOf(mergeError)}</Alert> : null}
        <p>{describe(other)}</p>
        <div className="form__actions">
          <Button variant="primary" isPending={isPending} onPress={() => onMerge(other)}>
            {texts.merge}
          </Button>
          <Button onPress={() => setOther(null)}>{texts.another}</Button>
        </div>
      </div>
    );
  }
  return (
    <div className="stack">
      <SearchField
        label={texts.searchLabel}
        placeholder={texts.placeholder}
        value={search}
        onChange={onSearch}
        autoFocus
      />
      {searchError ? <Alert tone="error">{messageOf(searchError)}</Alert> : null}
      {searched && candidates.length === 0 ? <p role="status">{texts.none}</p> : null}
      {candidates.length > 0 ? (
        <ul className="pick-list" aria-label={texts.listLabel}>
          {candidates.map((c) => (
            <li key={c.id} className="pick-list__item">
              <span>
                <span className="cell-title">{c.name}</span>
                <span className="cell-sub">{c.detail}</span>
              </span>
              <Button size="sm" onPress={() => setOther(c)} aria-label={`Choisir ${c.name}`}>
                Choisir
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="form__actions">
        <Button onPress={onCancel}>Annuler</Button>
      </div>
    </div>
  );
}
