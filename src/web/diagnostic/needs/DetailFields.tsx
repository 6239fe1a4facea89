import type { ReactNode } from "react";

export type DetailField = [label: string, value: ReactNode];

/** Labelled fields of a record; those left empty are not shown. */
export function DetailFields({ fields }: { fields: DetailField[] }) {
  const shown = fields.filter(([, value]) => value !== null && value !== undefined && value !== "");
  return (
    <dl className="detail-fields">
      {shown.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
