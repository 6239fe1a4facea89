import type { Question } from "../../../contracts/survey-definition";
import { labelOf, type QuestionFieldProps } from "./QuestionField";

type Matrix = Extract<Question, { type: "matrix" }>;

/**
 * A matrix: a table whose rows are the statements and columns the scale; each row is a group of radios named by
 * its row and column headers. On a phone the table turns into one block per row, each radio with its visible
 * label (see survey-form.css).
 */
export function MatrixField(props: QuestionFieldProps & { question: Matrix }) {
  const { question: q, value, falc, id } = props;
  const chosen = value && typeof value === "object" && !Array.isArray(value) ? value : {};
  const pick = (row: string, choice: string) => props.onChange({ ...chosen, [row]: choice });
  return (
    <table className="survey-matrix">
      <thead>
        <tr>
          <td />
          {q.choices.map((c, ci) => (
            <th key={c.id} id={`${id}-c${ci}`} scope="col">
              {labelOf(c, falc)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {q.rows.map((row, ri) => (
          <tr key={row.id}>
            <th id={`${id}-r${ri}`} scope="row">
              {labelOf(row, falc)}
            </th>
            {q.choices.map((c, ci) => (
              <td key={c.id}>
                <label className="survey-matrix__cell">
                  <input
                    id={ri === 0 && ci === 0 ? `${id}-0` : undefined}
                    type="radio"
                    name={`${id}-${row.id}`}
                    value={c.id}
                    checked={chosen[row.id] === c.id}
                    onChange={() => pick(row.id, c.id)}
                    aria-labelledby={`${id}-r${ri} ${id}-c${ci}`}
                  />
                  <span className="survey-matrix__choice" aria-hidden="true">
                    {labelOf(c, falc)}
                  </span>
                </label>
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
