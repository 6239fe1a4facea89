import { formatNumber } from "../lib/format";
import { Button } from "./Button";

export interface PaginationProps {
  total: number;
  limit: number;
  offset: number;
  onChange: (offset: number) => void;
  /** What is paginated, for the navigation landmark name ("membres", "CLSM"…). */
  label: string;
}

export function Pagination({ total, limit, offset, onChange, label }: PaginationProps) {
  if (total <= limit && offset === 0) return null;
  const first = Math.min(offset + 1, total);
  const last = Math.min(offset + limit, total);
  const page = Math.floor(offset / limit) + 1;
  const pages = Math.max(1, Math.ceil(total / limit));
  return (
    <nav className="pagination" aria-label={`Pagination des ${label}`}>
      <p className="pagination__summary">
        {formatNumber(first)}–{formatNumber(last)} sur {formatNumber(total)} (page {page} sur {pages})
      </p>
      <div className="pagination__buttons">
        <Button size="sm" isDisabled={offset === 0} onPress={() => onChange(Math.max(0, offset - limit))}>
          <span aria-hidden="true">←</span> Page précédente
        </Button>
        <Button size="sm" isDisabled={last >= total} onPress={() => onChange(offset + limit)}>
          Page suivante <span aria-hidden="true">→</span>
        </Button>
      </div>
    </nav>
  );
}
